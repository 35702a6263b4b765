import { createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { phoneLinkFragment, type PhoneCommitment, type PhoneComplaint } from '../../../domain/wire/phone-payload';
import { expectedPhotos, type ExpectedPhoto } from '../../../domain/wire/photo-match';
import type { PublicDraft } from '../../../domain/wire/public-intake';
import { nowInstant } from '../../lib/clock';
import type { SessionUser } from '../../session/session';
import { importPhoneCommitment, importPhoneComplaint, previewPhoneFlags, resolveRespondents, type ImportResult, type PreviewFlags, type ResolvedRespondent } from './handoff-import';
import { createPhotoTray, type PhotoTray } from './handoff-photo-tray';
import { createHandoffScan, type HandoffScan } from './handoff-scan';
import { createOnlineDrafts, type OnlineDrafts } from './online-drafts';

/** The address the desk prints, to be typed: the fair's code opens its form online (PI10). */
export const typedPhoneUrl = (fair: Fair): string => `${location.origin}/p/${fair.code}`;

/** The link the filer's phone opens by the QR code: the typed address with the fair in the fragment, so it works offline. */
export const phoneUrl = (fair: Fair): string => `${typedPhoneUrl(fair)}#${phoneLinkFragment(fair)}`;

/**
 * The desk's side of the phone handoff: the fair's phone QR, the phone's animated QR read back
 * (or an online draft opened), the respondents resolved and the intake flags previewed (RP1,
 * RP4, RP5, CM3), the photos matched, and the import on confirmation. The view only renders it.
 */
export interface Handoff {
  readonly linkQr: Resource<string>;
  readonly scan: HandoffScan;
  readonly drafts: OnlineDrafts;
  readonly tray: PhotoTray;
  readonly scanning: Accessor<boolean>;
  readonly cameraError: Accessor<string | undefined>;
  startScan(): void;
  stopScan(): void;
  cameraFailed(detail: string): void;
  /** A text the camera read; `second`: only a second look read it (second-look.chunk.ts). */
  onText(text: string, look: 'first' | 'second'): void;
  /** Diagnostics kept after the camera closes (tests): the size the decoder reads the video at. */
  readonly decodedAt: Accessor<string>;
  setDecodedAt(size: string): void;
  /** Diagnostics (tests): how many texts only a second look read. */
  readonly secondReads: Accessor<number>;
  readonly complaint: Accessor<PhoneComplaint | undefined>;
  readonly commitment: Accessor<PhoneCommitment | undefined>;
  readonly resolved: Resource<ResolvedRespondent[]>;
  readonly flags: Resource<PreviewFlags[]>;
  readonly expected: Accessor<readonly ExpectedPhoto[]>;
  /** An online draft's photos are being fetched. */
  readonly fetching: Accessor<boolean>;
  openDraft(d: PublicDraft): Promise<void>;
  readonly busy: Accessor<boolean>;
  /** Every respondent is resolved (a complaint), or a commitment was read. */
  readonly ready: Accessor<boolean>;
  confirm(): Promise<void>;
  readonly result: Accessor<ImportResult | undefined>;
  /** Back to scanning, everything read so far dropped. */
  again(): void;
}

export function createHandoff(fair: Fair, user: SessionUser): Handoff {
  const scan = createHandoffScan(() => fair.id);
  const drafts = createOnlineDrafts(() => fair.id);
  const [scanning, setScanning] = createSignal(false);
  const [cameraError, setCameraError] = createSignal<string>();
  const [decodedAt, setDecodedAt] = createSignal('');
  const [secondReads, setSecondReads] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<ImportResult>();
  const [fetching, setFetching] = createSignal(false);
  const [linkQr] = createResource(
    () => phoneUrl(fair),
    async (url) => (await import('../../lib/qr-code.chunk')).toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 }),
  );
  const complaint = (): PhoneComplaint | undefined => {
    const p = scan.payload();
    return p?.kind === 'complaint' ? p : undefined;
  };
  const commitment = (): PhoneCommitment | undefined => {
    const p = scan.payload();
    return p?.kind === 'commitment' ? p : undefined;
  };
  const [resolved] = createResource(complaint, (p) => resolveRespondents(fair, p.respondents));
  // The same intake flags as the desk form (RP1, RP4, RP5, CM3), before confirmation.
  const [flags] = createResource(
    () => {
      const p = complaint();
      const r = resolved();
      return p === undefined || r === undefined ? undefined : ([p, r] as const);
    },
    ([p, r]) => previewPhoneFlags(p, fair, r.map((x) => x.respondent), nowInstant()),
  );
  const expected = (): readonly ExpectedPhoto[] => {
    const p = complaint();
    return p === undefined ? [] : expectedPhotos(p);
  };
  const tray = createPhotoTray(expected);
  const ready = (): boolean => {
    if (commitment() !== undefined) return true;
    const r = resolved();
    return complaint() !== undefined && r !== undefined && r.every((x) => x.respondent !== undefined);
  };
  return {
    linkQr,
    scan,
    drafts,
    tray,
    scanning,
    cameraError,
    startScan() {
      setCameraError(undefined);
      setScanning(true);
    },
    stopScan: () => void setScanning(false),
    cameraFailed(detail) {
      setCameraError(detail);
      setScanning(false);
    },
    onText(text, look) {
      if (look === 'second') setSecondReads(secondReads() + 1);
      scan.accept(text);
      if (scan.payload() !== undefined) setScanning(false);
    },
    decodedAt,
    setDecodedAt: (size) => void setDecodedAt(size),
    secondReads,
    complaint,
    commitment,
    resolved,
    flags,
    expected,
    fetching,
    async openDraft(d) {
      setScanning(false);
      setResult(undefined);
      tray.clear();
      scan.offer(d.complaint, d.draftId, d.receivedAt);
      // PI8: the photos the phone sent with the draft come along, checked against their hashes.
      setFetching(true);
      try {
        const got = await drafts.fetchPhotos(d.draftId, expectedPhotos(d.complaint).map((e) => e.sha256));
        if (scan.source().kind === 'online') tray.merge(got);
      } finally {
        setFetching(false);
      }
    },
    busy,
    ready,
    async confirm() {
      if (busy() || !ready()) return;
      setBusy(true);
      try {
        const now = nowInstant();
        const c = complaint();
        const k = commitment();
        if (c !== undefined) {
          const respondents = (resolved() ?? []).flatMap((r) => (r.respondent === undefined ? [] : [r.respondent]));
          const from = scan.source();
          const r = await importPhoneComplaint(c, fair, respondents, tray.photos(), user, now, from.kind === 'online' ? 'online' : 'phone_qr', from.kind === 'online' ? from.receivedAt : c.filedAt);
          setResult(r);
          // Filed (or already filed here): the server's draft leaves every desk's list (PI1).
          if (from.kind === 'online' && r.kind === 'cases') {
            await drafts.markFiled(from.draftId);
            drafts.refresh();
          }
        } else if (k !== undefined) {
          setResult(await importPhoneCommitment(k, fair, user, now));
        }
      } finally {
        setBusy(false);
      }
    },
    result,
    again() {
      scan.reset();
      setResult(undefined);
      tray.clear();
      setScanning(true);
    },
  };
}
