/**
 * The bridge's security checks, as express middlewares in the order every request meets them
 * (server.ts lists it): request log and headers → Host → Origin → health challenge → token →
 * request target. Each refuses with the narrowest answer; the routes come after.
 */
import type { RequestHandler, Response } from 'express';
import {
  BRIDGE_PATHS,
  BRIDGE_PROTOCOL_VERSION,
  BRIDGE_SERVICE_NAME,
  challengePort,
  HealthChallenge,
  type HealthProofResponse,
} from '../../shared/bridge-protocol';
import type { BridgeConfig } from '../config';
import type { Logger } from '../log';
import { HttpError, SECURITY_HEADERS, sendEmpty, sendJson } from './errors';
import {
  type AuthFailureLimiter,
  bearerMatches,
  healthProof,
  hostAllowed,
  originAllowed,
  originlessExtensionGet,
} from './guard';

/** What the request log calls the request (a route, or why it was refused). */
export function routeLabel(res: Response, label: string): void {
  res.locals.route = label;
}

export function securityGuards(
  config: BridgeConfig,
  limiter: AuthFailureLimiter,
  logger: Logger,
  port: () => number,
): RequestHandler[] {
  return [
    (req, res, next) => {
      const started = performance.now();
      routeLabel(res, '(unmatched)');
      for (const name in SECURITY_HEADERS) res.setHeader(name, SECURITY_HEADERS[name]!);
      res.on('finish', () => {
        logger.log(res.statusCode >= 400 ? 'warn' : 'debug', 'http.request', {
          method: req.method,
          route: String(res.locals.route),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      });
      next();
    },
    // 1. DNS rebinding: exactly one Host, naming loopback on our port.
    (req, res, next) => {
      const hosts = req.rawHeaders.filter((h, i) => i % 2 === 0 && /^host$/i.test(h)).length;
      if (hosts === 1 && hostAllowed(req.headers.host, port())) return next();
      routeLabel(res, '(bad host)');
      sendEmpty(res, 403);
    },
    // 2. Only the extension (missing/null Origin, the console's own and other extensions refused).
    (req, res, next) => {
      // Chrome omits Origin on the extension's own GETs (host permission): see guard.ts.
      if (
        originAllowed(req.headers.origin, config.allowedExtensionIds) ||
        originlessExtensionGet(req.method, req.headers)
      ) {
        return next();
      }
      routeLabel(res, '(bad origin)');
      sendEmpty(res, 403);
    },
    // 3. Prove, then trust: the challenge is answered before (and without) the token, so the
    // extension never sends its token to a program that has not proven it knows it.
    (req, res, next) => {
      if (req.method !== 'GET' || !req.url.startsWith(`${BRIDGE_PATHS.health}?`)) return next();
      const challenge = new URLSearchParams(req.url.slice(BRIDGE_PATHS.health.length + 1)).getAll('challenge');
      if (challenge.length === 0) return next();
      routeLabel(res, `${BRIDGE_PATHS.health}?challenge`);
      const parsed = HealthChallenge.safeParse(challenge.length === 1 ? challenge[0] : '');
      if (!parsed.success) throw new HttpError(400, 'bad_request', 'challenge: <port>.<32–128 lower-case hex>');
      // A challenge meant for another port is someone relaying it here: no proof for it.
      const bound = challengePort(parsed.data);
      if (bound !== null && bound !== port()) throw new HttpError(400, 'bad_request', 'challenge names another port');
      const body: HealthProofResponse = {
        service: BRIDGE_SERVICE_NAME,
        protocolVersion: BRIDGE_PROTOCOL_VERSION,
        proof: healthProof(config.token, parsed.data),
      };
      sendJson(res, 200, body);
    },
    // 4. The token, in constant time. Only wrong tokens are slowed; the right one is always served.
    (req, res, next) => {
      if (bearerMatches(req.headers.authorization, config.token)) return next();
      const lockedFor = limiter.lockedFor();
      if (lockedFor > 0) {
        routeLabel(res, '(locked out)');
        throw new HttpError(429, 'too_many_attempts', 'Too many failed attempts; try again later', undefined, {
          'Retry-After': String(Math.ceil(lockedFor / 1000)),
        });
      }
      limiter.recordFailure();
      routeLabel(res, '(bad token)');
      throw new HttpError(401, 'unauthorized', 'Missing or wrong bearer token', undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    },
    // 5. A path, nothing else (no absolute-form target naming another host, no `//`).
    (req, _res, next) => {
      if (!req.url.startsWith('/') || req.url.startsWith('//')) {
        throw new HttpError(400, 'bad_request', 'Request target must be a path');
      }
      next();
    },
  ];
}
