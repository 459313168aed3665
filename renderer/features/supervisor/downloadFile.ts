/**
 * Hands a file to the browser as a download (the browser host, and the per-table CSV): a blob
 * link clicked and let go. No navigation: the page stays where it is.
 */
export function downloadFile(file: { fileName: string; mimeType: string; bytes: BlobPart }): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers read the blob only after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of a base64 string (an export main sent back to download). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
