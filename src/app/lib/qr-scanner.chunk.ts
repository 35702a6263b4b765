/** html5-qrcode (ZXing) behind a lazy chunk (STYLE.md "Heavy libraries behind lazy chunks"): the desk's QR hand-off. */
export { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
