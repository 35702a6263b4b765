/** The QR encoder behind a lazy chunk, out of the initial JavaScript (P2): notices N1–N3. */
export { toDataURL } from 'qrcode';
