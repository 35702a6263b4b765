/** signature_pad behind a lazy chunk (STYLE.md "Heavy libraries behind lazy chunks"). */
export { default as SignaturePad } from 'signature_pad';
