/**
 * The checks every request passes before anything else (the 2019 Zoom flaw: any web page can
 * send requests to localhost). Pure functions over the request head, so they are easy to test.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** DNS rebinding: the Host must name loopback on our port, nothing else. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Only the extension's service worker: `chrome-extension://<allowed id>`, exactly. */
export function originAllowed(origin: string | string[] | undefined, allowedIds: readonly string[]): boolean {
  if (typeof origin !== 'string') return false;
  const m = /^chrome-extension:\/\/([a-p]{32})$/.exec(origin);
  return m !== null && allowedIds.includes(m[1]!);
}

/**
 * Chrome sends no Origin on a GET (or HEAD) that an extension with host permission for the URL
 * makes (measured, Chromium 156: the worker's POST carries `Origin: chrome-extension://<id>`,
 * its GET does not; both carry `Sec-Fetch-Site: none`, `Sec-Fetch-Mode: cors`,
 * `Sec-Fetch-Dest: empty`). Such a GET is let through to the token check. Web pages cannot send
 * this: a browser sets Sec-Fetch-* itself (forbidden headers), a page's request is `cross-site`
 * and carries its Origin, an address-bar visit is `navigate`. What this does not tell apart is
 * *which* extension: another extension with host permission for 127.0.0.1 still needs the token.
 */
export function originlessExtensionGet(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    headers.origin === undefined &&
    headers['sec-fetch-site'] === 'none' &&
    headers['sec-fetch-mode'] === 'cors' &&
    headers['sec-fetch-dest'] === 'empty'
  );
}

/** Constant-time: both sides are hashed to equal length first, then compared. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  if (typeof authorization !== 'string') return false;
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization);
  const given = createHash('sha256')
    .update(m ? m[1]! : '')
    .digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && m !== null;
}

export function healthProof(token: string, challenge: string): string {
  return createHmac('sha256', token).update(challenge).digest('hex');
}

/** `application/json`, optionally with `charset=utf-8`; nothing else. */
export function isJsonContentType(headers: IncomingHttpHeaders): boolean {
  const value = headers['content-type'];
  if (typeof value !== 'string') return false;
  const [type, ...params] = value.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/**
 * Failed tokens: after `maxFailures` within `windowMs`, wrong tokens get 429 for `lockoutMs`
 * (a brute force is slowed and learns nothing). The right token is never refused: anything
 * that passes the Origin check could otherwise keep the real extension out for good.
 */
export class AuthFailureLimiter {
  private failures: number[] = [];
  private lockedUntil = 0;

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly lockoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds left of a lockout, 0 when requests may try a token. */
  lockedFor(): number {
    return Math.max(0, this.lockedUntil - this.now());
  }

  recordFailure(): void {
    const now = this.now();
    this.failures = this.failures.filter((t) => now - t < this.windowMs);
    this.failures.push(now);
    if (this.failures.length >= this.maxFailures) {
      this.lockedUntil = now + this.lockoutMs;
      this.failures = [];
    }
  }
}
