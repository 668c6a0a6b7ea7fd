/**
 * The one answer to "may inboxlint connect to this address": only public unicast addresses.
 * Loopback, private, link-local, shared, multicast and reserved blocks (RFC 6890) are refused,
 * an IPv4-mapped IPv6 address as the IPv4 address it holds. `publicLookup` resolves a host name
 * and hands node:http only addresses that passed, so the socket connects to an address that was
 * checked (no second lookup a rebinding DNS server could answer differently). Used by the remote
 * images of a render (src/render/remote.ts) and the live link check (src/presend/links.ts).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

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

/** Whether an IP address is public unicast (one inboxlint may connect to unasked). */
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

/** The error of a host (or address) that is not public. */
export class PrivateAddressError extends Error {
  readonly code = 'EACCES';
}

/** A `lookup` for node:http that answers only public addresses (every address with `allowPrivate`). */
export function publicLookup(allowPrivate = false): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const ok = allowPrivate ? addresses : addresses.filter((a) => publicAddress(a.address));
      if (!ok.length) return callback(new PrivateAddressError(`private address ${addresses[0]?.address ?? hostname}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
      callback(null, ok[0]!.address, ok[0]!.family);
    });
  };
}
