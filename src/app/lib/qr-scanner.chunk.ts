/** html5-qrcode (ZXing) behind a lazy chunk, out of the initial JavaScript (P2): the desk's QR hand-off. */
export { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
