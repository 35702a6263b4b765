import { createSignal, type Accessor } from 'solid-js';
import type { SignedCommitment } from '../../../domain/commitment';
import { exhibitorKey as keyOf, type Exhibitor } from '../../../domain/exhibitor';
import type { FieldError } from '../../../domain/field-errors';
import { currentCommitmentOf, signCommitment } from '../../../store/commitments';
import { storeEvidence } from '../../../store/evidence';
import { getExhibitor } from '../../../store/exhibitors';
import type { StorageError } from '../../../store/result';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { locale } from '../../i18n/index';
import { nowInstant } from '../../lib/clock';
import { createLiveQueryOn } from '../../lib/live-query';
import type { SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { amendForm, blankCommitmentForm, dataUrlToBlob, validateCommitmentForm, type CommitmentForm } from './commitment-form';
import { fairClauseSet, type ClauseSet } from '../../../domain/commitment-templates';
import { FairSettings } from '../../../domain/fair';

/**
 * Signing a commitment for one exhibitor (CM1–CM7): the current signed version
 * is shown read-only (CM1); "change" opens a form for version + 1 that supersedes it (CM2). The
 * form autosaves as a draft; a draft counts nowhere (CM3). Signing validates everything first,
 * then stores the signature as evidence and signs: bad input stores nothing.
 */
export interface CommitmentSign {
  readonly exhibitor: Accessor<Exhibitor | undefined>;
  readonly loaded: Accessor<boolean>;
  readonly current: Accessor<SignedCommitment | undefined>;
  readonly editing: Accessor<boolean>;
  startChange(): void;
  cancelChange(): void;
  readonly form: DraftForm<CommitmentForm>;
  /** CM10: the clauses this fair's exhibitors sign now. */
  readonly clauseSet: Accessor<ClauseSet>;
  /** Set when the wording changed under ticks already made (they are cleared, CM11). */
  readonly clausesChanged: Accessor<boolean>;
  /** Makes the form's ticks belong to the current wording, clearing ticks of another. */
  adoptClauseSet(): void;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly busy: Accessor<boolean>;
  sign(): Promise<SignedCommitment | undefined>;
}

export function createCommitmentSign(fairId: string, exhibitorId: string, user: SessionUser): CommitmentSign {
  const app = useAppState();
  const read = createLiveQueryOn(
    () => exhibitorId,
    async (id) => {
      const exhibitor = await getExhibitor(id);
      const current = exhibitor === undefined ? undefined : await currentCommitmentOf(keyOf(exhibitor));
      return { exhibitor, current };
    },
  );
  const [changing, setChanging] = createSignal(false);
  const form = createDraftForm<CommitmentForm>({
    key: `commitment:${fairId}:${exhibitorId}`,
    form: 'commitment',
    fairId: fairId as never,
    initial: async () => {
      const e = await getExhibitor(exhibitorId);
      const cur = e === undefined ? undefined : await currentCommitmentOf(keyOf(e));
      return cur === undefined ? blankCommitmentForm(locale()) : amendForm(cur, locale());
    },
    onStorageError: (e) => app.reportStorageError(e),
  });
  const defaults = FairSettings.parse({});
  const clauseSet = (): ClauseSet => fairClauseSet(app.fair()?.settings ?? defaults);
  const [clausesChanged, setClausesChanged] = createSignal(false);
  const adoptClauseSet = (): void => {
    const set = clauseSet();
    if (!form.ready() || form.data.template === set.templateVersion) return;
    if (form.data.clausesAccepted.length > 0) setClausesChanged(true);
    form.update((d) => {
      d.template = set.templateVersion;
      d.clausesAccepted = [];
    });
  };
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [busy, setBusy] = createSignal(false);

  const invalid = (fields: readonly FieldError[]): undefined => {
    setErrors(fields);
    setFailure({ kind: 'invalid', fields });
    return undefined;
  };

  const sign = async (): Promise<SignedCommitment | undefined> => {
    const exhibitor = read()?.exhibitor;
    if (exhibitor === undefined || busy()) return undefined;
    const set = clauseSet();
    const checked = validateCommitmentForm(form.data, set);
    if (!checked.ok) return invalid(checked.errors);
    setBusy(true);
    try {
      const now = nowInstant();
      const evidence = await storeEvidence(dataUrlToBlob(form.data.signature), { kind: 'signature', mime: 'image/png', capturedAt: now, capturedBy: user.id, fairId }, now);
      if (!evidence.ok) {
        setFailure(evidence.error);
        app.reportStorageError(evidence.error);
        return undefined;
      }
      const current = read()?.current;
      const signed = await signCommitment(
        {
          fairId,
          exhibitorKey: keyOf(exhibitor),
          booths: exhibitor.booths,
          templateVersion: set.templateVersion,
          ...(set.frozen === undefined ? {} : { clauses: set.frozen }),
          clausesAccepted: checked.value.clausesAccepted,
          declaredRights: checked.value.declaredRights,
          signer: checked.value.signer,
          signatureEvidenceId: evidence.value.id,
          signedAt: now,
          channel: 'kiosk',
          createdBy: user.id,
          ...(current === undefined ? {} : { supersedes: current.id }),
        },
        now,
      );
      if (!signed.ok) {
        if (signed.error.kind === 'invalid') return invalid(signed.error.fields ?? []);
        setFailure(signed.error);
        app.reportStorageError(signed.error);
        return undefined;
      }
      setErrors([]);
      setFailure(undefined);
      setClausesChanged(false);
      setChanging(false);
      await form.clear(amendForm(signed.value, form.data.language));
      return signed.value;
    } finally {
      setBusy(false);
    }
  };

  return {
    exhibitor: () => read()?.exhibitor,
    loaded: () => read() !== undefined,
    current: () => read()?.current,
    // No current version: the form; a current one: read-only until "change" (CM1).
    editing: () => read()?.current === undefined || changing(),
    startChange: () => setChanging(true),
    cancelChange: () => setChanging(false),
    form,
    clauseSet,
    clausesChanged,
    adoptClauseSet,
    errors,
    failure,
    busy,
    sign,
  };
}
