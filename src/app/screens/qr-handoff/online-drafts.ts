import { createResource, createSignal, type Resource } from 'solid-js';
import { z } from 'zod';
import { PublicDraft, PublicDraftList } from '../../../domain/wire/public-intake';
import { loadCredentials } from '../../../store/sync-state';
import { lastSyncRun } from '../../sync/sync-runner';
import { sha256OfFile } from '../../phone/photo-hash';

/**
 * Complaints phones sent online (issue 8 §4, PI1): the server keeps them as drafts; this desk
 * lists its fair's open ones with its sync credentials, on opening the screen and after each
 * sync run (the desk "sees it at its next pull"). Not enrolled, offline or refused: no list (the
 * QR hand-off is the path that always works); the reason is kept for the screen.
 */
export type DraftsState = { readonly kind: 'not-enrolled' } | { readonly kind: 'unreachable'; readonly status?: number } | { readonly kind: 'listed'; readonly drafts: readonly PublicDraft[] };

export interface OnlineDrafts {
  readonly state: Resource<DraftsState>;
  refresh(): void;
  /** Tells the server this desk filed the draft, so no desk lists it again. Best effort. */
  markFiled(draftId: string): Promise<boolean>;
  /** PI8: the draft's photos the phone sent, each checked against its hash; the rest are left out. */
  fetchPhotos(draftId: string, hashes: readonly string[]): Promise<Map<string, Blob>>;
}

/** The list's envelope (PublicDraftList) with its drafts left to parse one by one. */
const DraftListEnvelope = PublicDraftList.extend({ drafts: z.array(z.unknown()).max(500) });

export function createOnlineDrafts(fairId: () => string): OnlineDrafts {
  const [tick, setTick] = createSignal(0);
  const [state, { refetch }] = createResource(
    () => [fairId(), tick(), lastSyncRun()] as const,
    async ([fair]): Promise<DraftsState> => {
      const creds = await loadCredentials();
      if (creds === undefined || creds.fairId !== fair) return { kind: 'not-enrolled' };
      try {
        const res = await fetch(`${creds.baseUrl}/api/intake/drafts?fair=${encodeURIComponent(fair)}`, { headers: { authorization: `Bearer ${creds.token}` } });
        if (!res.ok) return { kind: 'unreachable', status: res.status };
        const parsed = DraftListEnvelope.safeParse(await res.json());
        if (!parsed.success) return { kind: 'unreachable', status: res.status };
        // SY54: each draft parsed on its own, so one the text rule refuses never hides the others.
        const drafts = parsed.data.drafts.flatMap((d) => {
          const one = PublicDraft.safeParse(d);
          return one.success && one.data.complaint.fairId === fair ? [one.data] : [];
        });
        return { kind: 'listed', drafts };
      } catch {
        return { kind: 'unreachable' };
      }
    },
  );
  const markFiled = async (draftId: string): Promise<boolean> => {
    const creds = await loadCredentials();
    if (creds === undefined) return false;
    try {
      const res = await fetch(`${creds.baseUrl}/api/intake/drafts/${encodeURIComponent(draftId)}/filed?fair=${encodeURIComponent(creds.fairId)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${creds.token}` },
      });
      return res.ok;
    } catch {
      return false;
    }
  };
  const fetchPhotos = async (draftId: string, hashes: readonly string[]): Promise<Map<string, Blob>> => {
    const out = new Map<string, Blob>();
    const creds = await loadCredentials();
    if (creds === undefined) return out;
    for (const sha256 of hashes) {
      try {
        const res = await fetch(`${creds.baseUrl}/api/intake/drafts/${encodeURIComponent(draftId)}/photos/${sha256}?fair=${encodeURIComponent(creds.fairId)}`, {
          headers: { authorization: `Bearer ${creds.token}` },
        });
        if (!res.ok) continue;
        const blob = await res.blob();
        // The bytes must be the photo the phone listed, whatever the server says (PI8).
        if ((await sha256OfFile(blob)) === sha256) out.set(sha256, blob);
      } catch {
        // Offline halfway: the clerk adds the missing photos by hand.
      }
    }
    return out;
  };
  return { state, fetchPhotos, refresh: () => void (setTick((n) => n + 1), refetch()), markFiled };
}
