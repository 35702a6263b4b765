import { onCleanup, onMount, type JSX } from 'solid-js';

let nextId = 0;

/**
 * The desk camera reading QR codes with html5-qrcode (ZXing, a lazy chunk). Every
 * decoded text goes to `onText`; the assembler decides what it is. No flip: a phone screen is
 * never mirrored. A missed frame gets a second look, turned or halved (second-look.chunk.ts).
 */
export function Scanner(props: {
  /** A decoded text, and whether html5-qrcode's own look or the second look read it. */
  readonly onText: (text: string, look: 'first' | 'second') => void;
  readonly onReady: () => void;
  /** Once, at the first frame looked at: the size the decoder reads the video at ("520x390"). */
  readonly onDecodedAt?: (size: string) => void;
  readonly onError: (detail: string) => void;
}): JSX.Element {
  const id = `qr-reader-${++nextId}`;
  let scanner: { stop(): Promise<void>; isScanning: boolean } | undefined;
  let disposed = false;
  // Frames the decoder has looked at (a read or a miss): kept on the element so a camera that
  // streams but is never analysed can be told from one that sees no code (diagnostics, tests).
  let analysed = 0;
  let root: HTMLDivElement | undefined;
  const count = (): void => {
    analysed += 1;
    if (analysed === 1) {
      // html5-qrcode draws each frame into a canvas of the size the video is shown at.
      const canvas = root?.querySelector('canvas');
      if (canvas !== null && canvas !== undefined) props.onDecodedAt?.(`${canvas.width}x${canvas.height}`);
    }
    if (analysed % 15 === 1) root?.setAttribute('data-analysed', String(analysed));
  };
  onMount(() => {
    // eslint-disable-next-line solid/reactivity -- the scanner calls back on its own decodes
    void Promise.all([import('../../lib/qr-scanner.chunk'), import('./second-look.chunk')]).then(async ([{ Html5Qrcode, Html5QrcodeSupportedFormats }, { LOOKS, decodeLook }]) => {
      if (disposed) return;
      const s = new Html5Qrcode(id, { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
      scanner = s;
      // A frame html5-qrcode missed gets one more look, turned or at half size, the next miss the
      // next look (second-look.chunk.ts: some QR images are missed upright on every frame). Its
      // canvas still holds the frame it just missed.
      const scratch = document.createElement('canvas');
      let looks = 0;
      const missed = (): void => {
        count();
        const frame = root?.querySelector('canvas');
        if (frame === null || frame === undefined) return;
        const text = decodeLook(frame, LOOKS[looks++ % LOOKS.length] ?? 'clockwise', scratch);
        if (text !== undefined) props.onText(text, 'second');
      };
      try {
        // eslint-disable-next-line solid/reactivity -- called on each decode, outside any render
        await s.start({ facingMode: 'environment' }, { fps: 15, disableFlip: true }, (text) => (count(), props.onText(text, 'first')), missed);
        if (disposed) await s.stop();
        else props.onReady();
      } catch (e) {
        props.onError(e instanceof Error ? e.message : String(e));
      }
    })
      // The scanner chunk itself may fail to load (a server redeployed mid-session, a broken
      // precache): say so, instead of a camera area that silently never reads anything.
      // eslint-disable-next-line solid/reactivity -- called once, when the chunk fails, outside any render
      .catch((e: unknown) => {
        if (!disposed) props.onError(e instanceof Error ? e.message : String(e));
      });
  });
  onCleanup(() => {
    disposed = true;
    if (scanner?.isScanning === true) void scanner.stop().catch(() => undefined);
  });
  return <div id={id} ref={root} class="qr-reader" data-testid="qr-reader" data-analysed="0" />;
}
