/** Speaks to a native messaging host exactly as Chrome does (tests and the bench). */
import { spawn } from 'node:child_process';

/** Runs `command` as Chrome runs a native host (length-prefixed JSON) and returns its one answer. */
export function askHost(
  command: string,
  args: string[],
  message: unknown,
  env: Record<string, string> = {},
  spawnOptions: { uid?: number; gid?: number } = {},
): Promise<{ reply: unknown; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, ...spawnOptions });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    // A host may answer and exit before reading (a refused origin): that is not an error here.
    child.stdin.on('error', () => {});
    child.on('close', () => {
      const all = Buffer.concat(chunks);
      if (all.length < 4) return reject(new Error('no answer'));
      resolve({
        reply: JSON.parse(all.subarray(4, 4 + all.readUInt32LE(0)).toString('utf8')),
        ms: performance.now() - started,
      });
    });
    const body = Buffer.from(JSON.stringify(message));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length, 0);
    child.stdin.end(Buffer.concat([head, body]));
  });
}
