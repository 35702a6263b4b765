import { createEffect, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import './evidence-gallery.css';

/**
 * Evidence photos as thumbnails, and a full-screen viewer with the photo's facts, so the expert
 * sees what was photographed before giving an opinion. Plain props, no store imports (a
 * widget of `app/ui`): each photo brings a loader for its file (the tablet's blob store, offline) and its
 * facts already worded. Files become object URLs, revoked when the image leaves the screen.
 */
export interface GalleryFact {
  readonly label: string;
  readonly value: string;
  /** Shown in full in a monospace, selectable line (a SHA-256). */
  readonly mono?: boolean;
}

export interface GalleryPhoto {
  /** Stable key and test handle (an evidence id or a hash). */
  readonly key: string;
  readonly load: () => Promise<Blob | undefined>;
  readonly facts: readonly GalleryFact[];
  /** Under the thumbnail (a photo code, a file name). */
  readonly caption?: string;
}

export interface GalleryLabels {
  readonly open: (index: number, total: number) => string;
  readonly title: (index: number, total: number) => string;
  readonly close: string;
  readonly previous: string;
  readonly next: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly zoomReset: string;
  readonly missing: string;
}

/** An object URL for a loaded file, revoked with its owner; undefined while loading or when absent. */
function createObjectUrl(load: () => Promise<Blob | undefined>): { url: () => string | undefined; missing: () => boolean } {
  const [url, setUrl] = createSignal<string>();
  const [missing, setMissing] = createSignal(false);
  let alive = true;
  let made: string | undefined;
  void load().then(
    (blob) => {
      if (!alive) return;
      if (blob === undefined) return void setMissing(true);
      made = URL.createObjectURL(blob);
      setUrl(made);
    },
    () => alive && setMissing(true),
  );
  onCleanup(() => {
    alive = false;
    if (made !== undefined) URL.revokeObjectURL(made);
  });
  return { url, missing };
}

function Thumb(props: { readonly photo: GalleryPhoto; readonly label: string; readonly missing: string; readonly onOpen: (el: HTMLElement) => void }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- one loader per photo (keyed by <For>)
  const file = createObjectUrl(props.photo.load);
  return (
    <li class="gallery-item">
      <button type="button" class="gallery-thumb" aria-label={props.label} data-testid="evidence-thumb" data-key={props.photo.key} onClick={(e) => props.onOpen(e.currentTarget)}>
        <Show when={file.url()} fallback={<span class="gallery-missing">{file.missing() ? props.missing : ''}</span>}>
          {(src) => <img src={src()} alt="" width="96" height="96" decoding="async" loading="lazy" />}
        </Show>
      </button>
      <Show when={props.photo.caption}>{(c) => <span class="gallery-caption mono">{c()}</span>}</Show>
    </li>
  );
}

export function EvidenceGallery(props: { readonly photos: readonly GalleryPhoto[]; readonly labels: GalleryLabels; readonly testId?: string }): JSX.Element {
  const [open, setOpen] = createSignal<number>();
  let opener: HTMLElement | undefined;
  return (
    <Show when={props.photos.length > 0}>
      <ul class="evidence-gallery" data-testid={props.testId ?? 'evidence-gallery'} data-count={props.photos.length}>
        <For each={props.photos}>
          {(p, i) => (
            <Thumb
              photo={p}
              label={props.labels.open(i() + 1, props.photos.length)}
              missing={props.labels.missing}
              onOpen={(el) => {
                opener = el;
                setOpen(i());
              }}
            />
          )}
        </For>
      </ul>
      <Show when={open() !== undefined}>
        <Viewer
          photos={props.photos}
          labels={props.labels}
          start={open() ?? 0}
          onClose={() => {
            setOpen(undefined);
            // Focus goes back where it came from (WAI-ARIA dialog pattern).
            opener?.focus();
          }}
        />
      </Show>
    </Show>
  );
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const clampZoom = (z: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

function Viewer(props: { readonly photos: readonly GalleryPhoto[]; readonly labels: GalleryLabels; readonly start: number; readonly onClose: () => void }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- the first photo shown; the viewer moves on from there
  const [index, setIndex] = createSignal(props.start);
  const [zoom, setZoom] = createSignal(1);
  const [pan, setPan] = createSignal({ x: 0, y: 0 });
  const total = (): number => props.photos.length;
  const photo = (): GalleryPhoto | undefined => props.photos[index()];
  const go = (step: number): void => void setIndex((i) => (i + step + total()) % total());
  const zoomTo = (z: number): void => {
    const next = clampZoom(z);
    setZoom(next);
    if (next === 1) setPan({ x: 0, y: 0 });
  };
  createEffect(on(index, () => zoomTo(1), { defer: true }));
  let dialog: HTMLDivElement | undefined;
  let closeButton: HTMLButtonElement | undefined;
  onMount(() => closeButton?.focus());
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      go(1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      go(-1);
    } else if (e.key === 'Tab' && dialog !== undefined) {
      // Focus stays inside the dialog while it is open.
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (first === undefined || last === undefined) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      } else if (!dialog.contains(document.activeElement)) {
        e.preventDefault();
        first.focus();
      }
    }
  };
  // Pinch (two pointers) zooms, one pointer drags a zoomed photo.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinchFrom: { distance: number; zoom: number } | undefined;
  const distance = (): number => {
    const [a, b] = [...pointers.values()];
    return a === undefined || b === undefined ? 0 : Math.hypot(a.x - b.x, a.y - b.y);
  };
  const onPointerDown = (e: PointerEvent): void => {
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) pinchFrom = { distance: distance(), zoom: zoom() };
  };
  const onPointerMove = (e: PointerEvent): void => {
    const prev = pointers.get(e.pointerId);
    if (prev === undefined) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2 && pinchFrom !== undefined && pinchFrom.distance > 0) zoomTo((pinchFrom.zoom * distance()) / pinchFrom.distance);
    else if (pointers.size === 1 && zoom() > 1) setPan((p) => ({ x: p.x + e.clientX - prev.x, y: p.y + e.clientY - prev.y }));
  };
  const onPointerUp = (e: PointerEvent): void => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinchFrom = undefined;
  };
  return (
    <Portal>
      <div
        class="gallery-viewer"
        role="dialog"
        aria-modal="true"
        aria-label={props.labels.title(index() + 1, total())}
        data-testid="evidence-viewer"
        data-index={index()}
        data-zoom={zoom().toFixed(2)}
        ref={dialog}
        onKeyDown={onKey}
      >
        <div class="gallery-bar">
          <span class="gallery-title">{props.labels.title(index() + 1, total())}</span>
          <button type="button" class="btn" data-testid="viewer-zoom-out" aria-label={props.labels.zoomOut} disabled={zoom() <= MIN_ZOOM} onClick={() => zoomTo(zoom() / 1.5)}>−</button>
          <button type="button" class="btn" data-testid="viewer-zoom-reset" onClick={() => zoomTo(1)}>{props.labels.zoomReset}</button>
          <button type="button" class="btn" data-testid="viewer-zoom-in" aria-label={props.labels.zoomIn} disabled={zoom() >= MAX_ZOOM} onClick={() => zoomTo(zoom() * 1.5)}>+</button>
          <button type="button" class="btn primary" data-testid="viewer-close" ref={closeButton} onClick={() => props.onClose()}>{props.labels.close}</button>
        </div>
        <div class="gallery-stage">
          <Show when={total() > 1}>
            <button type="button" class="btn gallery-nav prev" data-testid="viewer-prev" aria-label={props.labels.previous} onClick={() => go(-1)}>‹</button>
          </Show>
          <div
            class="gallery-canvas"
            onWheel={(e) => {
              e.preventDefault();
              zoomTo(zoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2));
            }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
          >
            <Show when={photo()} keyed>
              {(p) => <ViewerImage photo={p} missing={props.labels.missing} transform={`translate(${pan().x}px, ${pan().y}px) scale(${zoom()})`} />}
            </Show>
          </div>
          <Show when={total() > 1}>
            <button type="button" class="btn gallery-nav next" data-testid="viewer-next" aria-label={props.labels.next} onClick={() => go(1)}>›</button>
          </Show>
        </div>
        <Show when={photo()}>
          {(p) => (
            <dl class="gallery-facts" data-testid="viewer-facts">
              <For each={p().facts}>
                {(f) => (
                  <>
                    <dt>{f.label}</dt>
                    <dd classList={{ mono: f.mono === true, selectable: f.mono === true }} data-testid="viewer-fact">{f.value}</dd>
                  </>
                )}
              </For>
            </dl>
          )}
        </Show>
      </div>
    </Portal>
  );
}

function ViewerImage(props: { readonly photo: GalleryPhoto; readonly missing: string; readonly transform: string }): JSX.Element {
  // eslint-disable-next-line solid/reactivity -- keyed on the photo above
  const file = createObjectUrl(props.photo.load);
  return (
    <Show when={file.url()} fallback={<p class="gallery-missing">{file.missing() ? props.missing : ''}</p>}>
      {(src) => <img src={src()} alt="" decoding="async" data-testid="viewer-image" draggable={false} style={{ transform: props.transform }} />}
    </Show>
  );
}
