/** The QR encoder behind a lazy chunk (STYLE.md "Heavy libraries behind lazy chunks"): notices N1–N3. */
export { toDataURL } from 'qrcode';
