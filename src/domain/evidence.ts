import { z } from 'zod';
import { CaseId, DeviceId, EvidenceId, UserId } from './ids';
import { Instant } from './time';

/**
 * A piece of evidence (EN13): the file lives in the blob store under its SHA-256; this
 * record is its chain of custody (what, captured when, by whom, on which device). Signatures and
 * seals of commitments are evidence too, without a case.
 */
export const Sha256Hex = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, { message: 'INVALID_FORMAT', abort: true }))
  .brand<'Sha256Hex'>();
export type Sha256Hex = z.infer<typeof Sha256Hex>;

export const EVIDENCE_KINDS = ['photo', 'document', 'video', 'signature'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** §2: evidence files are at most 20 MB. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const MIME = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,99}$/;
/** Which media types each kind accepts: a photo is an image, a document a PDF or a scan. */
const MIME_OK: Record<EvidenceKind, (mime: string) => boolean> = {
  photo: (m) => m.startsWith('image/'),
  signature: (m) => m.startsWith('image/'),
  video: (m) => m.startsWith('video/'),
  document: (m) => m === 'application/pdf' || m.startsWith('image/'),
};

export const Evidence = z
  .object({
    id: EvidenceId,
    caseId: CaseId.optional(),
    kind: EvidenceKind,
    sha256: Sha256Hex,
    mime: z
      .string()
      .transform((v) => v.trim().toLowerCase())
      .pipe(z.string().regex(MIME, { message: 'INVALID_FORMAT', abort: true })),
    bytes: z.number().int().min(1).max(MAX_EVIDENCE_BYTES),
    capturedAt: Instant,
    capturedBy: UserId,
    deviceId: DeviceId,
  })
  .superRefine((e, ctx) => {
    if (!MIME_OK[e.kind](e.mime)) ctx.addIssue({ code: 'custom', message: 'MIME_NOT_ALLOWED', path: ['mime'], params: { kind: e.kind } });
  });
export type Evidence = z.infer<typeof Evidence>;
export type EvidenceInput = z.input<typeof Evidence>;
