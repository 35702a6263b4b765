/** Hands a built file to the browser's download (the kiosk saves it to its downloads folder). */
export function download(data: BlobPart, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob when the click is handled; free it a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
