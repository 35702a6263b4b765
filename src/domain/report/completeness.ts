import { z } from 'zod';
import { DeviceCode } from '../case/case-number';
import { DeviceId, FairId } from '../ids';
import { Instant } from '../time';

/**
 * The completeness gate of the post-show summary (PS2: final only once every device synced):
 * every device enrolled in the fair with what the server holds of it, merged with this tablet's
 * own outbox. The server cannot see what another tablet has not sent; a device
 * counts as complete when it has nothing unsent that we know of and it last synced after the
 * desk closed (`fairCloseAt`: nothing recorded during the show can still be on it). A revoked
 * device can never sync again: it is listed, and does not hold the export back.
 */
export const DeviceState = z.object({
  deviceId: DeviceId,
  deviceCode: DeviceCode,
  name: z.string(),
  role: z.enum(['desk', 'expert']),
  /** The highest sequence the server holds of this device (gap-free, so everything up to it). */
  ackedSeq: z.number().int().min(0),
  /** The last item the server received from it; absent: it never sent one. */
  lastSeenAt: Instant.optional(),
  revoked: z.boolean(),
});
export type DeviceState = z.infer<typeof DeviceState>;

/** `GET /api/reports/completeness?fair=…`: a tablet of the fair (its device token) or the organizer. */
export const CompletenessReply = z.object({
  type: z.literal('completeness'),
  fairId: FairId,
  devices: z.array(DeviceState),
});
export type CompletenessReply = z.infer<typeof CompletenessReply>;

/** This tablet's own part: what its outbox still holds. */
export interface LocalOutbox {
  readonly deviceId?: string;
  readonly deviceName?: string;
  readonly shortCode?: string;
  readonly lastSeq: number;
  readonly unsynced: number;
  readonly oldestUnsynced?: Instant;
}

export type DeviceStatus = 'complete' | 'unsynced' | 'not-since-close' | 'revoked';

export interface DeviceGateLine {
  readonly deviceCode: string;
  readonly name: string;
  readonly thisDevice: boolean;
  readonly ackedSeq?: number;
  readonly lastSeenAt?: Instant;
  /** Known unsent items (this tablet's outbox only). */
  readonly unsynced?: number;
  readonly oldestUnsynced?: Instant;
  readonly status: DeviceStatus;
}

export interface Gate {
  /** The server's list was read; false: unreachable or refused, so the list is unknown. */
  readonly listKnown: boolean;
  readonly lines: readonly DeviceGateLine[];
  /** An export now is provisional (PS2): a device may be incomplete, or the list is unknown. */
  readonly provisional: boolean;
}

/** The gate from the server's reply (undefined when it could not be had) and this tablet's outbox. */
export function completenessGate(server: CompletenessReply | undefined, local: LocalOutbox, fairCloseAt: Instant): Gate {
  const lines: DeviceGateLine[] = [];
  const mine = (id: string): boolean => local.deviceId !== undefined && id === local.deviceId;
  for (const d of server?.devices ?? []) {
    const thisDevice = mine(d.deviceId);
    const unsynced = thisDevice ? local.unsynced : undefined;
    const status: DeviceStatus = d.revoked
      ? 'revoked'
      : (unsynced ?? 0) > 0
        ? 'unsynced'
        : thisDevice || (d.lastSeenAt !== undefined && d.lastSeenAt >= fairCloseAt)
          ? 'complete'
          : 'not-since-close';
    lines.push({
      deviceCode: d.deviceCode,
      name: d.name,
      thisDevice,
      ackedSeq: d.ackedSeq,
      ...(d.lastSeenAt === undefined ? {} : { lastSeenAt: d.lastSeenAt }),
      ...(unsynced === undefined ? {} : { unsynced }),
      ...(thisDevice && local.oldestUnsynced !== undefined ? { oldestUnsynced: local.oldestUnsynced } : {}),
      status,
    });
  }
  // This tablet, when the server's list lacks it (unreachable, or not enrolled): its outbox is all we know.
  if (!(server?.devices ?? []).some((d) => mine(d.deviceId))) {
    lines.unshift({
      deviceCode: local.shortCode ?? '—',
      name: local.deviceName ?? '—',
      thisDevice: true,
      unsynced: local.unsynced,
      ...(local.oldestUnsynced === undefined ? {} : { oldestUnsynced: local.oldestUnsynced }),
      status: local.unsynced > 0 ? 'unsynced' : 'complete',
    });
  }
  const listKnown = server !== undefined;
  return { listKnown, lines, provisional: !listKnown || lines.some((l) => l.status === 'unsynced' || l.status === 'not-since-close') };
}
