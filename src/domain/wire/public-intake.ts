import { z } from 'zod';
import { Instant } from '../time';
import { PhoneComplaint } from './phone-payload';

/**
 * The public online intake (PI1–PI10 below): a filer's phone, with a connection, sends its
 * complaint straight to the fair's server, `POST /api/public/fairs/<fairId>/complaints`, no token,
 * the body being the very `PhoneComplaint` the QR frames carry. The server keeps it as a draft and
 * never creates a case (PI1); a desk lists the drafts of its fair at its next sync and files one
 * through the same store write as a scanned hand-off (channel `online`). The rules, cited by the
 * tests:
 *
 * - **PI1** Draft-only: the route stores the parsed complaint as a public draft, nothing else.
 * - **PI2** Idempotent by the payload's hash (canonical JSON): the same complaint twice is one draft.
 * - **PI3** Rate-limited per client address, counted in the database (every instance shares it).
 * - **PI4** A body larger than the QR format's payload limit is refused (413) before parsing.
 * - **PI5** Only a fair the server knows (a fair record or an enrolled tablet) takes drafts (404).
 * - **PI6** The phone always still offers the QR hand-off: the online path is an extra, never the only one.
 * - **PI7** A draft's photos go up by `PUT /api/public/drafts/<draftId>/photos/<sha256>`, no token:
 *   only a hash the draft lists (else 409 `PHOTO_NOT_LISTED`), at most `PUBLIC_PHOTO_MAX_BYTES`
 *   (413), body verified against the hash (422 `HASH_MISMATCH`), rate-limited per client address
 *   like PI3. A refused upload stores nothing.
 * - **PI8** A desk of the draft's fair reads a listed photo with `GET /api/intake/drafts/<draftId>/
 *   photos/<sha256>?fair=…` (404 until the phone sent it) and files it with the draft.
 * - **PI9** A phone's photo is filed (online through PI8, or taken or received at the QR hand-off)
 *   as the very bytes whose SHA-256 the phone listed, never a downscaled copy: the evidence's hash
 *   is the listed one, so the phone's file, the desk's blob and the server's blob check against
 *   each other. A file over `PUBLIC_PHOTO_MAX_BYTES` is not taken.
 * - **PI10** `GET /api/public/fair-codes/<code>`, no token, answers the phone form's public fields
 *   of the fair with that code (`phoneFair` in public-fair.ts; of several, the one whose last day
 *   is latest), 404 for a code no fair has; rate-limited per client address like PI3. The desk
 *   prints `<origin>/p/<code>`: typed online, it opens that fair's form; offline, the start page.
 * - **PI11** The phone lets an exhibitor sign only clauses it showed. The link and the PI10 reply
 *   name the fair's choice (`commitmentTemplate`); a built-in template's text is compiled into the
 *   phone, so it signs offline. A fair's own wording (CM10) is too long for the link: only the PI10
 *   reply carries it, so the phone shows it online (typed address, or asked by the link's code);
 *   without it the commitment tab offers no form and says to go online or sign on the desk
 *   tablet. The hand-off names the template id signed; the desk files a `custom-<n>` signing only
 *   while its fair's wording is that very revision, freezing its own copy (CM11), else it refuses
 *   with `CLAUSES_CHANGED` and the exhibitor signs the current wording at the tablet.
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

/** PI7: a phone photo is evidence, so the evidence limit (MAX_BLOB_BYTES, 20 MB). */
export const PUBLIC_PHOTO_MAX_BYTES = 20 * 1024 * 1024;

/** PI7: the path's hash, lower-case hex as the phone lists it (`PhotoRef.sha256`). */
export const PhotoHashPath = z.string().regex(/^[0-9a-f]{64}$/, { message: 'SHA256' });

/** PI7: the upload's reply. `created` is false when the server already had these bytes. */
export const PublicPhotoStored = z.object({
  type: z.literal('public-photo'),
  sha256: PhotoHashPath,
  created: z.boolean(),
});
export type PublicPhotoStored = z.infer<typeof PublicPhotoStored>;

/** Every photo hash a complaint lists, once each, in the order the filer added them. */
export const listedPhotoHashes = (complaint: Pick<PhoneComplaint, 'accusedItems'>): string[] => [
  ...new Set(complaint.accusedItems.flatMap((i) => i.photos.map((p) => p.sha256))),
];
