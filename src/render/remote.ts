/**
 * Remote images for `images: 'remote'` renders, fetched by this process (the browser resolves
 * no address at all, see browser.ts). Only http(s), only public addresses: a host name is
 * resolved first and the request goes to an address that was checked (no second lookup a
 * rebinding DNS server could answer differently); loopback, private, link-local, shared,
 * multicast and reserved addresses are refused, also after a redirect. A size limit and a
 * timeout bound each image.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { publicAddress, publicLookup } from '../net.js';

export interface RemoteImage {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface RemoteOptions {
  /** ms for the whole fetch, redirects included. */
  timeout: number;
  maxRedirects?: number;
  /** Largest body in bytes (default 10 MB). */
  maxBytes?: number;
}

/**
 * Fetches an http(s) image from a public address; undefined when it is refused (scheme, private
 * address, too large, too many redirects) or fails.
 */
export async function fetchRemoteImage(url: string, opts: RemoteOptions): Promise<RemoteImage | undefined> {
  const deadline = Date.now() + opts.timeout;
  let target = url;
  for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
    const u = new URL(target);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !publicAddress(host)) return undefined;
    const res = await get(u, Math.max(1, deadline - Date.now()), opts.maxBytes ?? 10 * 1024 * 1024).catch(() => undefined);
    if (!res) return undefined;
    if (res.status >= 300 && res.status < 400 && res.location) {
      target = new URL(res.location, u).href;
      continue;
    }
    return { status: res.status, contentType: res.contentType, body: res.body };
  }
  return undefined;
}

async function get(u: URL, timeout: number, maxBytes: number): Promise<RemoteImage & { location?: string }> {
  const { request } = u.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(u, { method: 'GET', lookup: publicLookup(), timeout, headers: { accept: 'image/*' } }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) req.destroy(new Error('too large'));
        else chunks.push(c);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? 'application/octet-stream'), body: Buffer.concat(chunks), location: res.headers.location }),
      );
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new Error('timed out')), timeout);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}
