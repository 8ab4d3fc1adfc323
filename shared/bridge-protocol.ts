/**
 * The bridge's wire protocol, shared by the bridge (Node) and the extension's service worker.
 * Pure: zod and Web Crypto only (no node APIs), so it runs in a service worker too.
 *
 * Prove, then trust: before the extension sends its token anywhere, the program on the port must
 * show that it knows the token. `GET /v1/health?challenge=<random hex>` needs no token and
 * answers only `{ service, protocolVersion, proof }` with proof = hex(HMAC-SHA256(key = token,
 * message = challenge)) (see verifyHealthProof). Every other request carries
 * `Authorization: Bearer <token>` and is sent from the service worker only.
 */
import { z } from 'zod';
import { parsePersonnummer } from './personnummer';
import { fromHex, hmacSha256Hex, randomHex } from './web-crypto';

/** 2: the health challenge is answered without the token; errors are `{ ok: false, code }`. */
export const BRIDGE_PROTOCOL_VERSION = 2;
export const BRIDGE_SERVICE_NAME = 'clinic-companion-bridge';

/** Paths, versioned. */
export const BRIDGE_PATHS = {
  health: '/v1/health',
  card: '/v1/card',
  /** Server-sent events (text/event-stream), event name `card`, data = CardStatus JSON. */
  cardEvents: '/v1/card/events',
  pdfJournal: '/v1/pdf/journal',
} as const;

/**
 * Each OS user's bridge takes the first free port of this range (47121 first): on a shared PC
 * another user's bridge may hold 47121. The extension's host permissions name each of them.
 */
export const BRIDGE_PORT_RANGE = { first: 47121, last: 47130 } as const;

/** Largest request body the bridge accepts (bytes). */
export const BRIDGE_MAX_BODY_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Errors

/** Every refusal as a code; the extension words it for the clinician (lib/bridge-status.ts). */
export const BridgeErrorCode = z.enum([
  'bad_request',
  'invalid_json',
  'validation_failed',
  'invalid_file_name',
  'unauthorized',
  'too_many_attempts',
  'too_many_streams',
  'not_found',
  'method_not_allowed',
  'unsupported_media_type',
  'payload_too_large',
  'export_failed',
  'export_folder_refused',
  'internal_error',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

/** `{ ok: false, code }`; `message` is for IT reading logs or curl, in English, quoting nothing sent. */
export const BridgeErrorBody = z.object({
  ok: z.literal(false),
  code: BridgeErrorCode,
  message: z.string(),
  /** For validation errors: the JSON paths that failed (never the values). */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type BridgeErrorBody = z.infer<typeof BridgeErrorBody>;

// ---------------------------------------------------------------------------------------------
// Health and the bridge's proof of knowing the token

/** `<port>.<128–512 random bits in hex>`: a bridge on another port refuses it (no relayed proofs). */
export const HealthChallenge = z.string().regex(/^(?:\d{1,5}\.)?[0-9a-f]{32,128}$/, 'challenge: <port>.<hex>');

/** The port a challenge names (signed with it), or null for a bare one (tools). */
export function challengePort(challenge: string): number | null {
  const dot = challenge.indexOf('.');
  return dot === -1 ? null : Number(challenge.slice(0, dot));
}

/** `GET /v1/health` with the token: who answers, and its version. */
export const HealthResponse = z.object({
  ok: z.literal(true),
  service: z.literal(BRIDGE_SERVICE_NAME),
  protocolVersion: z.literal(BRIDGE_PROTOCOL_VERSION),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `GET /v1/health?challenge=…`, answered without the token: nothing but the proof. */
export const HealthProofResponse = z.object({
  service: z.literal(BRIDGE_SERVICE_NAME),
  protocolVersion: z.literal(BRIDGE_PROTOCOL_VERSION),
  /** hex(HMAC-SHA256(token, challenge)). */
  proof: z.string().regex(/^[0-9a-f]{64}$/),
});
export type HealthProofResponse = z.infer<typeof HealthProofResponse>;

// ---------------------------------------------------------------------------------------------
// The SITHS card

export const CardState = z.enum(['SERVICE_NOT_RUNNING', 'NO_READERS', 'NO_CARD', 'CARD_PRESENT', 'UNSUPPORTED_CARD']);
export type CardState = z.infer<typeof CardState>;

/**
 * HSA-id: `SE` + 10-digit organisation number + `-` + 1–n of [A-Za-z0-9], max 31 characters.
 * Test HSA-ids (e.g. `TSTNMT2321000156-1019`) put a test prefix where `SE` is; accepted too.
 */
export const HSA_ID_RE = /^(?:SE\d{10}|TST[A-Z]{3}\d{10})-[A-Za-z0-9]+$/;
export const HsaId = z.string().max(31).regex(HSA_ID_RE, 'not an HSA-id');
export function isHsaId(value: string): boolean {
  return value.length <= 31 && HSA_ID_RE.test(value);
}

/** Why a card's certificate is not verified (bridge/card/verify.ts says what each means). */
export const NotVerifiedReason = z.enum([
  'no-trust-anchors',
  'untrusted-issuer',
  'expired',
  'not-yet-valid',
  'key-usage',
  'unreadable',
]);
export type NotVerifiedReason = z.infer<typeof NotVerifiedReason>;
export type IdentityCheck = { verified: true } | { verified: false; reason: NotVerifiedReason };

export const ClinicianIdentity = z.object({
  hsaId: HsaId,
  /** The certificate subject's common name (given name + surname when CN is missing). */
  name: z.string(),
  /** The issuing CA's common name, e.g. "SITHS e-id Person HSA-id 3 CA v1". */
  issuer: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  /**
   * True only when the certificate chains to a configured SITHS trust anchor, within its dates,
   * with the right key usage. Say "verifierat" only then; else "läst från kortet, ej verifierat".
   */
  verified: z.boolean(),
  /** Why not, when `verified` is false. */
  reason: NotVerifiedReason.optional(),
});
export type ClinicianIdentity = z.infer<typeof ClinicianIdentity>;

const cardStatusBase = { since: z.iso.datetime() };
export const CardStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('SERVICE_NOT_RUNNING'), ...cardStatusBase }),
  z.object({ state: z.literal('NO_READERS'), ...cardStatusBase }),
  z.object({ state: z.literal('NO_CARD'), readers: z.array(z.string()), ...cardStatusBase }),
  z.object({
    state: z.literal('CARD_PRESENT'),
    reader: z.string(),
    identity: ClinicianIdentity,
    ...cardStatusBase,
  }),
  z.object({
    state: z.literal('UNSUPPORTED_CARD'),
    reader: z.string(),
    /** Why, in a few words (no card data). */
    reason: z.string(),
    ...cardStatusBase,
  }),
]);
export type CardStatus = z.infer<typeof CardStatus>;

/** SSE event name on BRIDGE_PATHS.cardEvents. */
export const CARD_EVENT_NAME = 'card';

// The journal note → PDF ----------------------------------------------------------------------

/**
 * Personnummer / samordningsnummer in the 12-digit form (`YYYYMMDDNNNN` or `YYYYMMDD-NNNN`),
 * checked by the one validator the project has (shared/personnummer.ts: date, serial, Luhn).
 */
export function isValidPersonnummer(value: string): boolean {
  return /^\d{8}-?\d{4}$/.test(value) && parsePersonnummer(value).valid;
}

export const Personnummer = z
  .string()
  .refine(isValidPersonnummer, 'personnummer: 12 digits or YYYYMMDD-NNNN, real date, valid check digit');

export const Kontaktsatt = z.enum(['chatt', 'telefon', 'video']);

/** Compatible with shared/journal.ts `JournalNote` (extra fields are ignored, never stored). */
export const JournalNoteSchema = z.object({
  kontaktsatt: Kontaktsatt,
  vardkontakt: z.string().max(500),
  vardtjanst: z.object({ required: z.boolean(), allowed: z.array(z.string().max(500)).max(50) }),
  violations: z.array(z.object({ ruleId: z.string().max(100), message: z.string().max(2000) })).max(200),
  sections: z.array(z.object({ keyword: z.string().max(200), text: z.string().max(200_000) })).max(200),
  text: z.string().max(500_000),
  /** Which rule set made the note (issue 13); absent from older extensions: printed as unknown. */
  provenance: z
    .object({
      name: z.string().min(1).max(200),
      version: z.string().min(1).max(100),
      digest: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});
export type JournalNoteInput = z.infer<typeof JournalNoteSchema>;

/** A suggested file name: a plain name in the export folder (the bridge checks more, export-path.ts). */
export const ExportFileName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'fileName: letters, digits, space, dot, dash and underscore only');

export const JournalPdfRequest = z.object({
  note: JournalNoteSchema,
  patient: z.object({
    personnummer: Personnummer,
    name: z.string().min(1).max(200),
    protectedIdentity: z.boolean(),
  }),
  /** The unit (vårdenhet) the clinician works as. */
  unit: z.string().min(1).max(200),
  /** Used when no SITHS card is present; the card's identity wins when it is. */
  clinician: z.object({ name: z.string().min(1).max(200), hsaId: HsaId }).optional(),
  visitStartedAt: z.iso.datetime({ offset: true }),
  chosenVardtjanst: z.string().max(500).optional(),
  /** Suggested file name (".pdf" is added when missing). Default: journal-<time>-<random>.pdf. */
  fileName: z.string().max(300).optional(),
});
export type JournalPdfRequest = z.infer<typeof JournalPdfRequest>;

export const JournalPdfResponse = z.object({
  /** Base name in the export folder. Contains no personnummer and no name. */
  fileName: z.string(),
  /** Absolute path of the saved file on the clinician's PC. */
  path: z.string(),
  bytes: z.number().int().positive(),
  pages: z.number().int().positive(),
  /** SHA-256 of the note text (hex), also printed in the PDF's footer. */
  noteSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the clinician's name and HSA-id came from (`request`: typed, never verified). */
  clinicianSource: z.enum(['card', 'request', 'none']),
  /** True only for a card whose certificate was verified against the trust anchors. */
  clinicianVerified: z.boolean(),
});
export type JournalPdfResponse = z.infer<typeof JournalPdfResponse>;

// Helpers for the extension (Web Crypto: service worker and Node alike) ------------------------

/** A fresh challenge for `GET /v1/health?challenge=…` (256 bits), bound to `port` when given. */
export function createHealthChallenge(port?: number): string {
  return port === undefined ? randomHex(32) : `${port}.${randomHex(32)}`;
}

async function hmacVerifyKey(token: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(token),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}

/** hex(HMAC-SHA256(token, challenge)), as the bridge computes it. */
export async function computeHealthProof(token: string, challenge: string): Promise<string> {
  return hmacSha256Hex(new TextEncoder().encode(token), challenge);
}

/** True when `proof` is hex(HMAC-SHA256(token, challenge)); Web Crypto's verify is constant-time. */
export async function verifyHealthProof(token: string, challenge: string, proof: unknown): Promise<boolean> {
  if (typeof proof !== 'string' || token.length === 0) return false;
  const mac = fromHex(proof);
  if (mac?.length !== 32) return false;
  const key = await hmacVerifyKey(token);
  return globalThis.crypto.subtle.verify(
    'HMAC',
    key,
    mac as Uint8Array<ArrayBuffer>,
    new TextEncoder().encode(challenge),
  );
}

/**
 * Incremental parser for the SSE stream of BRIDGE_PATHS.cardEvents. EventSource cannot send an
 * Authorization header, so the service worker reads the stream with fetch() and feeds chunks in.
 */
export function createCardEventParser(onStatus: (status: CardStatus) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk: string) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (event !== CARD_EVENT_NAME || data.length === 0) continue;
      try {
        const parsed = CardStatus.safeParse(JSON.parse(data.join('\n')));
        if (parsed.success) onStatus(parsed.data);
      } catch {
        // A malformed event is dropped; the next one carries the full state again.
      }
    }
  };
}
