/** The QR encoder behind a lazy chunk (STYLE.md "Heavy libraries behind lazy chunks"). */
export { toDataURL } from 'qrcode';
