// Saves a file made by main: a Blob download, which the browser saves and the desktop app offers with its
// save dialog. Works in both modes without a path from the renderer.
import type { ReportFile } from '../../../shared/reports/types';

export function saveFile(file: ReportFile, doc: Document = document): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is freed a little later so slow disks still get the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
