/**
 * How a zip part's name (from an untrusted .xlsx/.docx package) is shown in a user's message:
 * a damaged package can name a part with any bytes, so control characters, undecodable bytes and
 * over-long names never reach the message as they are.
 */

const MAX_SHOWN = 60;

/**
 * The part name as a message may quote it: `xl/worksheets/sheet1.xml` stays as it is; a name with
 * control characters, replacement characters (undecodable bytes) or mostly non-path characters
 * becomes 「名称已损坏的部件」; a long name is cut to 60 characters with "…".
 */
export function partNameForMessage(name: string): string {
  // Names written by Excel, WPS, LibreOffice and Word are ASCII paths; a CJK name is rare but real.
  const readable = /^[\w\-./[\]() \u4e00-\u9fff]+$/u.test(name);
  if (!readable || name.length === 0) return '名称已损坏的部件';
  return name.length > MAX_SHOWN ? `${name.slice(0, MAX_SHOWN)}…` : name;
}
