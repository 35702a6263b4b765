import { DeviceId, UserId } from '../ids';
import { Instant } from '../time';

/** Every record carries who made it, on which device, when (EN1). Spread into a schema's shape. */
export const recordMeta = {
  createdAt: Instant,
  createdBy: UserId,
  deviceId: DeviceId,
} as const;
