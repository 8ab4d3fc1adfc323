/**
 * Structured logs (one JSON object a line). Callers pass an event name and a few typed fields:
 * routes, statuses, durations, reason codes, card states. Never patient data: there is no field
 * for it, and every string is scrubbed of digit runs that could be a personnummer as a second
 * line of defence (R-PI-2: such data never appears in logs).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogFields {
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  reason?: string;
  state?: string;
  reader?: string;
  code?: string;
  bytes?: number;
  pages?: number;
  port?: number;
  count?: number;
  file?: string;
  detail?: string;
}

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/** YYMMDD or YYYYMMDD, optional - or +, four digits; also any longer run of 10+ digits. */
const PNR_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)|\d{10,}/g;

/** Replaces anything that looks like a personnummer. */
export function scrub(value: string): string {
  return value.replace(PNR_LIKE, '[redacted]').slice(0, 300);
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  return {
    log(level, event, fields = {}) {
      const record: Record<string, unknown> = { ts: new Date().toISOString(), level, event: scrub(event) };
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        record[key] = typeof value === 'string' ? scrub(value) : value;
      }
      write(JSON.stringify(record));
    },
  };
}

export const silentLogger: Logger = { log() {} };
