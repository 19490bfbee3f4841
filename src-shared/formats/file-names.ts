// File names: the parts readers look at (the last path part, the extension), and the names exports are given.

/** The last part of a path (`/` or `\` separated). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The extension in lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Text as part of a file name any system accepts: runs of anything but letters, digits, `.`, `_`, `-` become `-`. */
export function fileNamePart(text: string, fallback: string): string {
  const part = Array.from(text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/gu, ''))
    .slice(0, 60)
    .join('');
  return part || fallback;
}

/** `2026-12-02`: a local calendar date, for file names. */
export function fileDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An export's file name: project, whose annotations, date, format, e.g. `News_Ana-Ruiz_2026-12-02.doccano.jsonl`. */
export function exportFileName(parts: { project: string; annotator: string; date: Date; format: string; extension: string }): string {
  return `${fileNamePart(parts.project, 'spanwright')}_${fileNamePart(parts.annotator, 'annotator')}_${fileDate(parts.date)}.${parts.format}.${parts.extension}`;
}

/**
 * Names Windows opens as a device whatever the folder or extension (`NUL`, `con.txt`, `COM¹`,
 * `CONIN$`); a space before the extension does not help (`nul .js`).
 */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

export function isWindowsDeviceName(name: string): boolean {
  const stem = name.split('.', 1)[0] ?? '';
  return WINDOWS_DEVICE.test(stem.replace(/ +$/u, ''));
}
