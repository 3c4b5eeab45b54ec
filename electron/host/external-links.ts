/**
 * Which links may leave the app for the system browser (shell.openExternal): https only, to a
 * short list of hosts, without credentials or odd ports. Everything else is refused, so a
 * crafted link in an imported file or a compromised page cannot launch other programs
 * (file:, smb:, custom protocol handlers) or arbitrary sites.
 */

/** Hosts the app links to (the grid component's licence page). */
export const EXTERNAL_HOSTS: readonly string[] = ['handsontable.com', 'www.handsontable.com'];

/** True when `url` may be opened in the system browser. */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return hosts.includes(u.hostname.toLowerCase());
}
