import net from 'node:net';

/**
 * Addresses a webhook may not reach unless an admin allowed the target: loopback, private,
 * link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, multicast,
 * documentation and reserved ranges. A webhook URL is chosen by any user, so without this a
 * contact method would be a way to make Tandem probe its own network.
 */
const NON_PUBLIC = new net.BlockList();
for (const [range, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
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
] as const)
  NON_PUBLIC.addSubnet(range, prefix, 'ipv4');
for (const [range, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(range, prefix, 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it is. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}

export function isPublicAddress(address: string): boolean {
  const plain = unmapped(address);
  const family = net.isIPv4(plain) ? 'ipv4' : net.isIPv6(plain) ? 'ipv6' : null;
  if (!family) return false;
  return !NON_PUBLIC.check(plain, family);
}

/** One allowlist entry, parsed: a host (name or IP) with an optional port, or a CIDR range. */
export type AllowedTarget =
  | { readonly kind: 'host'; readonly host: string; readonly port: number | null }
  | {
      readonly kind: 'cidr';
      readonly address: string;
      readonly prefix: number;
      readonly family: 'ipv4' | 'ipv6';
    };

/** Parses `host[:port]`, `[v6]:port` or `address/prefix`; null when it is none of them. */
export function parseAllowedTarget(text: string): AllowedTarget | null {
  const value = text.trim().toLowerCase();
  const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(value);
  if (cidr) {
    const address = cidr[1]!;
    const prefix = Number(cidr[2]);
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
    if (!family || prefix > (family === 'ipv4' ? 32 : 128)) return null;
    return { kind: 'cidr', address, prefix, family };
  }
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return hostEntry(bracketed[1]!, bracketed[2]);
  if (net.isIPv6(value)) return hostEntry(value, undefined);
  const plain = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!plain || plain[1]!.startsWith('.') || plain[1]!.endsWith('.')) return null;
  return hostEntry(plain[1]!, plain[2]);
}

function hostEntry(host: string, port: string | undefined): AllowedTarget | null {
  const number = port === undefined ? null : Number(port);
  if (number !== null && (number < 1 || number > 65535)) return null;
  return { kind: 'host', host, port: number };
}

/** Whether a connection to `address` for the URL's host and port is allowed by an entry. */
export function allowedByList(
  entries: readonly AllowedTarget[],
  url: { readonly hostname: string; readonly port: number },
  address: string,
): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const plain = unmapped(address);
  return entries.some((entry) => {
    if (entry.kind === 'host') return entry.host === host && (entry.port === null || entry.port === url.port);
    const list = new net.BlockList();
    list.addSubnet(entry.address, entry.prefix, entry.family);
    const family = net.isIPv4(plain) ? 'ipv4' : 'ipv6';
    return family === entry.family && list.check(plain, family);
  });
}
