/**
 * Remote images for `images: 'remote'` renders, fetched by this process (the browser resolves
 * no address at all, see browser.ts). Only http(s), only public addresses: a host name is
 * resolved first and the request goes to an address that was checked (no second lookup a
 * rebinding DNS server could answer differently); loopback, private, link-local, shared,
 * multicast and reserved addresses are refused, also after a redirect. A size limit and a
 * timeout bound each image.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { IncomingMessage } from 'node:http';

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is one a remote image may come from (public unicast). */
export function publicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  if (family !== 6) return false;
  // An IPv4-mapped or -compatible IPv6 address is judged as the IPv4 address it holds.
  const v4 = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return publicAddress(v4);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
    return publicAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return !BLOCKED.check(address, 'ipv6');
}

/** A `lookup` for node:http that answers only public addresses (an error names the host otherwise). */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const ok = addresses.filter((a) => publicAddress(a.address));
    if (!ok.length) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EACCES' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
    callback(null, ok[0]!.address, ok[0]!.family);
  });
};

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
    const req = request(u, { method: 'GET', lookup: publicLookup, timeout, headers: { accept: 'image/*' } }, (res: IncomingMessage) => {
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
