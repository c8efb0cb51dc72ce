/*
 * Whether a response may stand for a file of the app in its offline copy (the service worker's
 * precache). [1] A static host that does not have a file often answers with its start page (HTML,
 * status 200) instead of a 404: kept under a script's name, that page breaks the part of the app it
 * stands for on every later visit, reloads included. A page is kept only where a page was asked
 * for, a script only if it is served as one.
 */

const SCRIPT = /\.m?js$/i;
const STYLE = /\.css$/i;

/** True when `response` is the file `url` names: a 200, of a type that fits the name. */
export function fitsRequest(url: string, response: Pick<Response, 'status' | 'headers'>): boolean {
  if (response.status !== 200) return false;
  const path = new URL(url).pathname;
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('text/html')) return path.endsWith('/') || /\.html?$/i.test(path);
  if (SCRIPT.test(path)) return /javascript|ecmascript/.test(type);
  if (STYLE.test(path)) return type.includes('css');
  return true;
}
