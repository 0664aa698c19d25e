import { describe, expect, it } from 'vitest';
import { allowedByList, isPublicAddress, parseAllowedTarget } from './address-guard.ts';

describe('which addresses a webhook may reach', () => {
  it('refuses loopback, private, link-local and other non-public addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not an address',
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });

  it('lets public addresses through', () => {
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it('reads allowlist entries as host, host:port or CIDR', () => {
    expect(parseAllowedTarget('Chat.Internal')).toEqual({ kind: 'host', host: 'chat.internal', port: null });
    expect(parseAllowedTarget('10.0.0.5:8443')).toEqual({ kind: 'host', host: '10.0.0.5', port: 8443 });
    expect(parseAllowedTarget('[::1]:80')).toEqual({ kind: 'host', host: '::1', port: 80 });
    expect(parseAllowedTarget('10.20.0.0/16')).toEqual({
      kind: 'cidr',
      address: '10.20.0.0',
      prefix: 16,
      family: 'ipv4',
    });
    for (const bad of ['10.0.0.0/33', 'host:99999', 'a b', '', 'http://x', '.internal'])
      expect(parseAllowedTarget(bad), bad).toBeNull();
  });

  it('allows a private address only as listed', () => {
    const entries = ['chat.internal:8443', '10.20.0.0/16'].map((e) => parseAllowedTarget(e)!);
    expect(allowedByList(entries, { hostname: 'chat.internal', port: 8443 }, '10.9.9.9')).toBe(true);
    expect(allowedByList(entries, { hostname: 'chat.internal', port: 443 }, '10.9.9.9')).toBe(false);
    expect(allowedByList(entries, { hostname: 'other.internal', port: 443 }, '10.20.3.4')).toBe(true);
    expect(allowedByList(entries, { hostname: 'other.internal', port: 443 }, '::ffff:10.20.3.4')).toBe(true);
    expect(allowedByList(entries, { hostname: 'other.internal', port: 443 }, '10.21.0.1')).toBe(false);
  });
});
