import { createSignal, type Accessor } from 'solid-js';
import type { Case } from '../../../domain/case/case';
import type { CaseFlag } from '../../../domain/codes';
import type { Fair } from '../../../domain/fair';
import type { FieldError } from '../../../domain/field-errors';
import type { StorageError } from '../../../store/result';

export type { StorageError };
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { dataUrlBlob, downscaleImage } from '../../lib/image';
import { nowInstant } from '../../lib/clock';
import type { SessionUser } from '../../session/session';
import { useAppState } from '../../state/app-state';
import { blankComplaintForm, validateComplaint, type ComplaintForm } from './complaint-form';

/**
 * Complaint intake over the store (desk contract): evidence photos are downscaled and stored as
 * they are taken (their capture time is the chain of custody); the complaint itself is checked
 * in full first, the RP flags previewed (RP1, RP4, CM3) and shown BEFORE saving, then the
 * signature is stored and `recordComplaint` writes one case per respondent (CN4).
 */
export interface IntakeFlags {
  readonly respondentIndex: number;
  readonly flags: readonly CaseFlag[];
  /** RP1: the earlier cases behind each flag (case numbers), shown beside it. */
  readonly matches: readonly { readonly flag: CaseFlag; readonly caseNo: string }[];
}

export interface Intake {
  readonly form: DraftForm<ComplaintForm>;
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly busy: Accessor<boolean>;
  /** The flags of the last preview; undefined until checked (or after an edit). */
  readonly flags: Accessor<readonly IntakeFlags[] | undefined>;
  readonly saved: Accessor<readonly Case[] | undefined>;
  addPhotos(itemIndex: number, files: readonly File[]): Promise<void>;
  readonly photoError: Accessor<string | undefined>;
  checkFlags(): Promise<boolean>;
  /** First call previews flags (if any, stops so the desk sees them); the next call saves. */
  save(): Promise<readonly Case[] | undefined>;
  reset(): Promise<void>;
}

export function createIntake(fair: Fair, user: SessionUser): Intake {
  const app = useAppState();
  const form = createDraftForm<ComplaintForm>({
    key: `complaint:${fair.id}:new`,
    form: 'complaint',
    fairId: fair.id,
    initial: () => blankComplaintForm(fair),
    onStorageError: (e) => app.reportStorageError(e),
  });
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [busy, setBusy] = createSignal(false);
  const [flags, setFlags] = createSignal<readonly IntakeFlags[]>();
  const [flagsFor, setFlagsFor] = createSignal('');
  const [saved, setSaved] = createSignal<readonly Case[]>();
  const [photoError, setPhotoError] = createSignal<string>();

  const fail = (e: StorageError): undefined => {
    setFailure(e);
    if (e.kind === 'invalid') setErrors(e.fields ?? []);
    else app.reportStorageError(e);
    return undefined;
  };

  const addPhotos = async (itemIndex: number, files: readonly File[]): Promise<void> => {
    setPhotoError(undefined);
    const { storeEvidence } = await import('../../../store/evidence');
    for (const file of files) {
      let small: Blob;
      try {
        small = (await downscaleImage(file)).blob;
      } catch (e) {
        setPhotoError(e instanceof Error ? e.message : String(e));
        continue;
      }
      const now = nowInstant();
      const stored = await storeEvidence(small, { kind: 'photo', mime: small.type, capturedAt: now, capturedBy: user.id, fairId: fair.id }, now);
      if (!stored.ok) {
        fail(stored.error);
        continue;
      }
      form.update((d) => {
        d.items[itemIndex]?.evidenceIds.push(stored.value.id);
      });
    }
  };

  const checkFlags = async (): Promise<boolean> => {
    const checked = validateComplaint(form.data, fair, nowInstant());
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure({ kind: 'invalid', fields: checked.errors });
      return false;
    }
    setErrors([]);
    setFailure(undefined);
    const { previewIntakeFlags } = await import('../../../store/cases');
    const preview = await previewIntakeFlags({ ...checked.value, signatureEvidenceId: undefined } as never);
    setFlags(preview.map((p) => ({ respondentIndex: p.respondentIndex, flags: p.flags, matches: p.matches.map((m) => ({ flag: m.flag, caseNo: m.caseNo })) })));
    setFlagsFor(JSON.stringify(form.data));
    return true;
  };

  const save = async (): Promise<readonly Case[] | undefined> => {
    if (busy()) return undefined;
    setBusy(true);
    try {
      // The flags shown must be the flags of what is saved: any edit since asks again.
      const stale = flags() === undefined || flagsFor() !== JSON.stringify(form.data);
      if (stale) {
        if (!(await checkFlags())) return undefined;
        if ((flags() ?? []).some((f) => f.flags.length > 0)) return undefined;
      }
      const now = nowInstant();
      const checked = validateComplaint(form.data, fair, now);
      if (!checked.ok) {
        setErrors(checked.errors);
        setFailure({ kind: 'invalid', fields: checked.errors });
        return undefined;
      }
      const [{ storeEvidence }, { recordComplaint }] = await Promise.all([import('../../../store/evidence'), import('../../../store/cases')]);
      const sig = await storeEvidence(dataUrlBlob(form.data.signature), { kind: 'signature', mime: 'image/png', capturedAt: now, capturedBy: user.id, fairId: fair.id }, now);
      if (!sig.ok) return fail(sig.error);
      const actor = { userId: user.id, role: user.role };
      const r = await recordComplaint({ ...checked.value, signatureEvidenceId: sig.value.id } as never, actor, now);
      if (!r.ok) return fail(r.error);
      setErrors([]);
      setFailure(undefined);
      setSaved(r.value.cases);
      await form.clear(blankComplaintForm(fair));
      setFlags(undefined);
      return r.value.cases;
    } finally {
      setBusy(false);
    }
  };

  const reset = async (): Promise<void> => {
    setSaved(undefined);
    setFlags(undefined);
    setErrors([]);
    await form.clear(blankComplaintForm(fair));
  };

  return { form, errors, failure, busy, flags, saved, addPhotos, photoError, checkFlags, save, reset };
}
