import { lookup } from 'node:dns';
import { readFileSync } from 'node:fs';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

/**
 * Fetching client ID metadata documents (an https URL given as `client_id` by anyone) is a server-side request to an
 * address an outsider chose, so it is guarded: https only (the provider checks), no private, link-local or other
 * special-use address (checked on the literal host and on every address a name resolves to, before connecting),
 * loopback only when `OAUTH_CIMD_ALLOW_LOOPBACK` is set for development. The provider adds its time limit (2.5 s)
 * and size limit, and caches documents per their Cache-Control.
 */
const SPECIAL_USE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  SPECIAL_USE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  SPECIAL_USE.addSubnet(net, bits, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Why an address may not be fetched from, or null when it may. */
export function refusedAddress(address: string, allowLoopback: boolean): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const mapped = type === 'ipv6' && /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return refusedAddress(mapped, allowLoopback);
  if (LOOPBACK.check(address, type)) return allowLoopback ? null : 'a loopback address';
  if (SPECIAL_USE.check(address, type)) return 'a private or special-use address';
  return null;
}

export class RefusedAddressError extends Error {}

export interface GuardedFetchOptions {
  allowLoopback: boolean;
  /** PEM file of extra CAs to trust (an internal PKI, or a test's self-signed server). */
  caFile?: string;
}

/** A `fetch` for the provider's `configuration.fetch`: replaces its dispatcher with ours, which applies the guard. */
export function guardedFetch(options: GuardedFetchOptions): (url: string | URL, init: UndiciRequestInit) => Promise<unknown> {
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => refusedAddress(a.address, options.allowLoopback)).find((r) => r !== null);
      if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused}`), '', 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
  const dispatcher = new Agent({
    connect: {
      lookup: guardedLookup,
      // Added to the usual roots, not instead of them: documents under public CAs keep working.
      ...(options.caFile !== undefined && { ca: [...rootCertificates, readFileSync(options.caFile, 'utf8')] }),
    },
  });
  return async (url, init) => {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) {
      const refused = refusedAddress(host, options.allowLoopback);
      if (refused) throw new RefusedAddressError(`${host} is ${refused}`);
    }
    // undici's own fetch with undici's Agent: Node's bundled fetch may be another undici major.
    return undiciFetch(url, { ...init, dispatcher });
  };
}
