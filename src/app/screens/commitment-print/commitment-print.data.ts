import type { Accessor } from 'solid-js';
import type { SignedCommitment } from '../../../domain/commitment';
import { exhibitorKey, type Exhibitor } from '../../../domain/exhibitor';
import { listCommitments } from '../../../store/commitments';
import { knownCodes } from '../../../store/device-codes';
import { getBlob, getEvidence } from '../../../store/evidence';
import { listExhibitors } from '../../../store/exhibitors';
import { createLiveQueryOn } from '../../lib/live-query';

/** N4 (DOMAIN.md §11): the commitment and its exhibitor (for the USCC and names). */
export interface CommitmentPrint {
  readonly loaded: Accessor<boolean>;
  readonly commitment: Accessor<SignedCommitment | undefined>;
  readonly exhibitor: Accessor<Exhibitor | undefined>;
  /** The signing device's code (K07), as people know the tablets; undefined when this tablet never learnt it. */
  readonly deviceCode: Accessor<string | undefined>;
}

export function createCommitmentPrint(fairId: string, commitmentId: string): CommitmentPrint {
  const read = createLiveQueryOn(
    () => ({ fairId, commitmentId }),
    async (q) => {
      const all = await listCommitments(q.fairId);
      const found = all.find((c) => c.id === q.commitmentId);
      const commitment = found?.status === 'signed' ? found : undefined;
      const exhibitor = commitment === undefined ? undefined : (await listExhibitors(q.fairId)).find((e) => exhibitorKey(e) === commitment.exhibitorKey);
      const codes = commitment === undefined ? [] : (await knownCodes()).filter((k) => k.deviceId === commitment.deviceId);
      return { commitment, exhibitor, deviceCode: codes.map((k) => k.code).join(' / ') || undefined };
    },
  );
  return { loaded: () => read() !== undefined, commitment: () => read()?.commitment, exhibitor: () => read()?.exhibitor, deviceCode: () => read()?.deviceCode };
}

/** The stored signature image of a commitment (its evidence record's file). */
export async function signatureBlob(evidenceId: string): Promise<Blob | undefined> {
  const ev = await getEvidence(evidenceId);
  return ev === undefined ? undefined : getBlob(ev.sha256);
}
