import { z } from 'zod';
import { Instant } from '../time';
import { PhoneComplaint } from './phone-payload';

/**
 * The public online intake (issue 8 §4): a filer's phone, with a connection, sends its complaint
 * straight to the fair's server, `POST /api/public/fairs/<fairId>/complaints`, no token, the body
 * being the very `PhoneComplaint` the QR frames carry. The server keeps it as a draft and never
 * creates a case (PI1); a desk lists the drafts of its fair at its next sync and files one through
 * the same store write as a scanned hand-off (channel `online`). The rules, cited by the tests:
 *
 * - **PI1** Draft-only: the route stores the parsed complaint as a public draft, nothing else.
 * - **PI2** Idempotent by the payload's hash (canonical JSON): the same complaint twice is one draft.
 * - **PI3** Rate-limited per client address, counted in the database (every instance shares it).
 * - **PI4** A body larger than the QR format's payload limit is refused (413) before parsing.
 * - **PI5** Only a fair the server knows (a fair record or an enrolled tablet) takes drafts (404).
 * - **PI6** The phone always still offers the QR hand-off: the online path is an extra, never the only one.
 */
export const PublicDraftReceived = z.object({
  type: z.literal('public-draft'),
  draftId: z.string().min(1).max(64),
  /** True when the server already held this exact complaint (PI2). */
  duplicate: z.boolean(),
});
export type PublicDraftReceived = z.infer<typeof PublicDraftReceived>;

export const PublicDraft = z.object({
  draftId: z.string().min(1).max(64),
  receivedAt: Instant,
  complaint: PhoneComplaint,
});
export type PublicDraft = z.infer<typeof PublicDraft>;

/** `GET /api/intake/drafts?fair=…` (a desk tablet of that fair): drafts not yet filed, oldest first. */
export const PublicDraftList = z.object({
  type: z.literal('public-drafts'),
  drafts: z.array(PublicDraft).max(500),
});
export type PublicDraftList = z.infer<typeof PublicDraftList>;
