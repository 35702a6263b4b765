import { MAX_BUNDLE_BYTES } from '../../../domain/wire/bundle';
import { CONSOLE_PREFIX, ConsoleErrorReply } from '../../../domain/wire/console';
import { BundleReply } from '../../../domain/wire/console-summary';

/**
 * One bundle file to the server (CO43), with the bytes sent as they go: XMLHttpRequest, since
 * fetch reports no upload progress. The file is sent as it is on disk (the browser streams it);
 * the answer is parsed with the contract's schema.
 */
export type UploadOutcome =
  | { readonly kind: 'reply'; readonly reply: BundleReply }
  | { readonly kind: 'refused'; readonly reply: ConsoleErrorReply; readonly status: number }
  | { readonly kind: 'network' }
  | { readonly kind: 'bad-reply' };

export const tooLarge = (file: File): boolean => file.size > MAX_BUNDLE_BYTES;

export function uploadBundle(file: File, onSent: (sent: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${CONSOLE_PREFIX}/bundles`);
    xhr.setRequestHeader('content-type', 'application/zip');
    xhr.setRequestHeader('accept', 'application/json');
    // A header carries ASCII only: the name percent-encoded (the audit row keeps it decoded).
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onerror = () => resolve({ kind: 'network' });
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        return resolve({ kind: 'bad-reply' });
      }
      const bundle = BundleReply.safeParse(json);
      if (bundle.success) return resolve({ kind: 'reply', reply: bundle.data });
      const refusal = ConsoleErrorReply.safeParse(json);
      resolve(refusal.success ? { kind: 'refused', reply: refusal.data, status: xhr.status } : { kind: 'bad-reply' });
    };
    xhr.send(file);
  });
}
