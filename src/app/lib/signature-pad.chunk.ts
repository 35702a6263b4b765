/** signature_pad behind a lazy chunk, out of the initial JavaScript (P2). */
export { default as SignaturePad } from 'signature_pad';
