#!/usr/bin/env node
// Clinic Companion's native messaging host (issue 11). Chrome or Edge starts it for
// runtime.sendNativeMessage from our extension (allowed_origins in its manifest) as the OS user
// running the browser; its one job is discovery: this user's bridge port and token, read from the
// discovery file the bridge writes (bridge/native-host/discovery.ts), never anyone else's.
// Plain JavaScript with no imports beyond node: it must answer within tens of milliseconds.
import { readFileSync } from 'node:fs';

const MAX_MESSAGE = 4096;

function reply(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  process.stdout.write(Buffer.concat([head, body]), () => process.exit(0));
}

function answer(request, callerOrigin) {
  // Exactly the one request there is (the shell host compares the same bytes).
  if (JSON.stringify(request) !== '{"type":"discover"}') return { ok: false, code: 'unknown-request' };
  let discovery;
  try {
    discovery = JSON.parse(readFileSync(process.env.CLINIC_BRIDGE_DISCOVERY ?? '', 'utf8'));
  } catch {
    return { ok: false, code: 'bridge-not-started' };
  }
  // Chrome enforces allowed_origins already; the bridge's own list is checked again here.
  if (!Array.isArray(discovery.allowedOrigins) || !discovery.allowedOrigins.includes(callerOrigin)) {
    return { ok: false, code: 'origin-not-allowed' };
  }
  try {
    process.kill(discovery.pid, 0);
  } catch (err) {
    if (err?.code === 'ESRCH') return { ok: false, code: 'bridge-not-running' };
  }
  return { ok: true, protocolVersion: discovery.protocolVersion, port: discovery.port, token: discovery.token };
}

let input = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  input = Buffer.concat([input, chunk]);
  if (input.length < 4) return;
  const length = input.readUInt32LE(0);
  if (length > MAX_MESSAGE) return reply({ ok: false, code: 'too-large' });
  if (input.length < 4 + length) return;
  let request;
  try {
    request = JSON.parse(input.subarray(4, 4 + length).toString('utf8'));
  } catch {
    return reply({ ok: false, code: 'bad-request' });
  }
  // The caller's origin is Chrome's first argument (`chrome-extension://<id>/`).
  reply(answer(request, process.argv[2]));
});
process.stdin.on('end', () => process.exit(0));
