/**
 * The host a link goes to, the one answer (link types, social links, CTA suggestions, the
 * tracking planner). It follows the WHATWG URL parser, which is what a mail client's browser
 * uses: userinfo (`user:pw@`) and the port are not the host, a backslash ends the host like a
 * slash in http(s) URLs, and a trailing dot names the same host; a merge tag in the host makes
 * it unknowable.
 */
import { findMergeTags } from './merge-tags.js';

/**
 * The host of a decoded absolute or protocol-relative URL (lower-case, no port or userinfo), '' when
 * there is none (`http://`), or null for a relative URL, one without `//`, or a host a merge tag makes unknowable.
 */
export function hostOf(href: string): string | null {
  const m = /^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:)?\/\/([^/?#\\]*)/.exec(href.trim());
  if (!m) return null;
  let host = m[1];
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (findMergeTags(host).length) return null;
  host = host.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  return host;
}
