/**
 * Files chosen in the page (browser mode's file picker, or dropped on the window): read in the
 * browser and sent to the local host with uploadFile. Such a file has no path on disk the editor
 * may write to: it opens as an unsaved copy, and 保存 asks 另存为.
 */

/** How a file is opened, by its extension; null for files the editor cannot open. */
export function uploadKind(name: string): 'project' | 'xlsx' | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (ext === 'jxmb') return 'project';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return null;
}

/** Shows the browser's file picker; resolves the chosen file, or null when cancelled. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'file-picker';
    const done = (file: File | null) => { input.remove(); resolve(file); };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

/** The file's bytes in base64 (for the JSON wire to the host). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
