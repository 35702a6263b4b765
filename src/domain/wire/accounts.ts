import { z } from 'zod';
import { DeviceCode } from '../case/case-number';
import { DeviceId, FairId, UserId } from '../ids';
import { Instant } from '../time';
import { Text } from '../text';

/**
 * People, tablets and their tokens on the wire (enrolment: SY40–SY45). Roles: the organizer runs
 * the fair's server, experts decide cases, desk tablets record them. A person logs in with a name
 * and password; a tablet is enrolled with a one-time code the organizer shows as a QR code and
 * then holds a token bound to its device id and the fair.
 */
export const SERVER_ROLES = ['organizer', 'expert', 'desk'] as const;
export const ServerRole = z.enum(SERVER_ROLES);
export type ServerRole = z.infer<typeof ServerRole>;
/** A tablet is enrolled as a desk tablet or as an expert's tablet; never as an organizer. */
export const DeviceRole = z.enum(['desk', 'expert']);
export type DeviceRole = z.infer<typeof DeviceRole>;

export const UserName = Text(1, 64);
/** Long enough to resist guessing; the server stores only an scrypt hash. */
export const Password = z.string().min(10).max(200);

export const LoginRequest = z.object({ name: UserName, password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;
export const LoginReply = z.object({ type: z.literal('session'), token: z.string(), userId: UserId, role: ServerRole });
export type LoginReply = z.infer<typeof LoginReply>;

export const CreateUserRequest = z.object({ name: UserName, password: Password, role: z.enum(['organizer', 'expert']) });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export const UserCreated = z.object({ type: z.literal('user-created'), userId: UserId, role: ServerRole });

/** Enrolment codes: a prefix the scanner recognises, then 26 Crockford base32 chars (130 bits). */
export const ENROLMENT_PREFIX = 'FCE1:';
export const EnrolmentCode = z.string().regex(/^FCE1:[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'ENROLMENT_CODE' });

export const CreateEnrolmentRequest = z.object({
  fairId: FairId,
  role: DeviceRole.default('desk'),
  /** How long the code may be redeemed; one use at most. */
  ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
});
export type CreateEnrolmentRequest = z.input<typeof CreateEnrolmentRequest>;
export const EnrolmentCreated = z.object({
  type: z.literal('enrolment'),
  /** Show it as a QR code; the tablet scans and redeems it once. */
  code: EnrolmentCode,
  fairId: FairId,
  role: DeviceRole,
  expiresAt: Instant,
});
export type EnrolmentCreated = z.infer<typeof EnrolmentCreated>;

const Base64Url = (length: number) => z.string().length(length).regex(/^[A-Za-z0-9_-]+$/);

/** SY40: the public half of a tablet's ECDSA P-256 key pair, as a JWK (x and y: 32 bytes each). */
export const DevicePublicKey = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: Base64Url(43), y: Base64Url(43) });
export type DevicePublicKey = z.infer<typeof DevicePublicKey>;

/**
 * SY41: what the tablet signs to prove it is the device it names. The code fixes the fair (the
 * server knows which fair each code belongs to), so the signature binds code, device and fair,
 * and is worth nothing with any other code (SY42).
 */
export const enrolProofMessage = (code: string, deviceId: string): string => `faircase-enrol-v1|${code}|${deviceId}`;

/** SY40, SY41: the tablet's public key and its signature (raw r‖s, 64 bytes) of `enrolProofMessage`. */
export const DeviceProof = z.object({ publicKey: DevicePublicKey, signature: Base64Url(86) });
export type DeviceProof = z.infer<typeof DeviceProof>;

export const RedeemEnrolmentRequest = z.object({
  code: EnrolmentCode,
  /** The tablet's own id (made on first start); the server makes one when absent. */
  deviceId: DeviceId.optional(),
  deviceName: Text(1, 64),
  /** CN1: the code the desk chose; the server refuses it when another tablet of the fair has it. */
  deviceCode: DeviceCode.optional(),
  /** SY44: required with `deviceId` (an old client without it is refused DEVICE_PROOF_REQUIRED). */
  proof: DeviceProof.optional(),
});
export type RedeemEnrolmentRequest = z.input<typeof RedeemEnrolmentRequest>;
export const DeviceEnrolled = z.object({
  type: z.literal('device-enrolled'),
  deviceId: DeviceId,
  deviceCode: DeviceCode,
  fairId: FairId,
  role: DeviceRole,
  token: z.string(),
  /** The next sequence the server expects from this device (1 for a new device). */
  expectedSeq: z.number().int().min(1),
});
export type DeviceEnrolled = z.infer<typeof DeviceEnrolled>;

export const DeviceSummary = z.object({
  deviceId: DeviceId,
  fairId: FairId,
  deviceCode: DeviceCode,
  name: z.string(),
  role: DeviceRole,
  ackedSeq: z.number().int().min(0),
  enrolledAt: Instant,
  revokedAt: Instant.optional(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;
export const DeviceList = z.object({ type: z.literal('devices'), devices: z.array(DeviceSummary) });
export const DevicesQuery = z.object({ fair: FairId });
export const DeviceRevoked = z.object({ type: z.literal('device-revoked'), deviceId: DeviceId, revoked: z.number().int() });
