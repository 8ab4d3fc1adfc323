/**
 * The extension's only logger. Errors are reported without patient data: every run of six or
 * more digits (a personnummer, a phone number) is masked before anything reaches the console.
 */
export function redact(text: string): string {
  return text.replace(/\d[\d\s+-]{4,}\d/gu, '[dolt]');
}

export function logError(where: string, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[Clinic Companion] ${redact(where)}: ${redact(message)}`);
}
