import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AllowedTarget, allowedByList, isPublicAddress } from './address-guard.ts';

/** A delivery that cannot succeed by retrying (a refused target, no mail server, a removed method). */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Admin-allowed non-public targets. */
  readonly allowlist: readonly AllowedTarget[];
}

const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a webhook. The host is resolved here and the connection goes to the very address that
 * was checked, so a DNS answer that changes between check and connect (rebinding) cannot point
 * it elsewhere. 307/308 redirects are followed (they keep the POST) and checked the same way;
 * other redirects fail. Resolves on a 2xx; throws otherwise.
 */
export async function postWebhook(request: WebhookRequest): Promise<void> {
  let url = parseTarget(request.url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const address = await checkedAddress(url, request.allowlist);
    const response = await send(url, address, request);
    if (response.status >= 200 && response.status < 300) return;
    if ((response.status === 307 || response.status === 308) && response.location) {
      url = parseTarget(new URL(response.location, url).toString());
      continue;
    }
    throw new Error(`The endpoint answered HTTP ${response.status}`);
  }
  throw new PermanentFailure(`More than ${MAX_REDIRECTS} redirects`);
}

function parseTarget(text: string): URL {
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new PermanentFailure(`Only http and https webhooks are sent; got ${url.protocol}`);
  return url;
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** The first resolved address that is public or allowed; refuses when there is none. */
async function checkedAddress(url: URL, allowlist: readonly AllowedTarget[]): Promise<dns.LookupAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  } catch (error) {
    throw new Error(`Could not resolve ${hostname}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const target = { hostname, port: portOf(url) };
  const usable = addresses.find(
    (a) => isPublicAddress(a.address) || allowedByList(allowlist, target, a.address),
  );
  if (usable) return usable;
  throw new PermanentFailure(
    `Refused: ${url.host} resolves to a private, loopback or link-local address (${addresses
      .map((a) => a.address)
      .join(', ')}); an admin can allow it on the webhook allowlist`,
  );
}

function send(
  url: URL,
  address: dns.LookupAddress,
  request: WebhookRequest,
): Promise<{ status: number; location: string | undefined }> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'Tandem-Webhooks/1',
          ...request.headers,
        },
      },
      (response) => {
        let read = 0;
        // Drain (bounded) so the socket is released; the answer's body is not used.
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on('close', () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location }),
        );
      },
    );
    // The socket timeout resets on every byte; this one bounds the whole exchange, so an
    // endpoint that trickles its answer cannot hold a worker.
    const deadline = setTimeout(
      () => outgoing.destroy(new Error(`No complete answer within ${(2 * TIMEOUT_MS) / 1000} s`)),
      2 * TIMEOUT_MS,
    );
    deadline.unref();
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.on('timeout', () => outgoing.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
