/**
 * The real PC/SC stack for tests and the bench: our own `pcscd --foreground` (with vpcd's two
 * virtual readers) and virtual cards from test/pcsc/vicc_launcher.py. Everything started here is
 * tracked by PID and stopped by PID.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LAUNCHER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'vicc_launcher.py');
const PYTHON = '/usr/bin/python3';
export const VPCD_READER = 'Virtual PCD 00 00';
const VPCD_PORT = 35963;

const REQUIRED = [
  '/usr/sbin/pcscd',
  '/usr/lib/pcsc/drivers/serial/libifdvpcd.so',
  '/usr/lib/python3/site-packages/virtualsmartcard',
  '/usr/lib/python3/dist-packages/Cryptodome',
  PYTHON,
];

/** Missing pieces of the stack; [] when everything is installed. */
export function missingPcscStack(): string[] {
  return REQUIRED.filter((p) => !existsSync(p));
}

/** Throws on CI, warns loudly and returns false locally, when the stack is missing. */
export function pcscStackOrSkip(suite: string): boolean {
  const missing = missingPcscStack();
  if (missing.length === 0) return true;
  const msg = `${suite}: PC/SC test stack missing (${missing.join(', ')}); install with npm run setup`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`\n${'⚠'.repeat(20)}\n⚠ SKIPPING ${msg}\n${'⚠'.repeat(20)}\n`);
  return false;
}

function otherPcscd(): string[] {
  const r = spawnSync('pgrep', ['-x', 'pcscd'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

async function waitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export class PcscStack {
  private pcscd: ChildProcess | null = null;
  private cards = new Set<ChildProcess>();
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'pcsc-test-'));
  /** Every PID this stack started, for the final "nothing left behind" check. */
  readonly pids: number[] = [];

  async startPcscd(): Promise<void> {
    const others = otherPcscd();
    if (others.length > 0) throw new Error(`another pcscd is running (pid ${others.join(', ')}); stop it first`);
    const child = spawn('pcscd', ['--foreground'], { stdio: 'ignore' });
    this.pcscd = child;
    if (child.pid) this.pids.push(child.pid);
    // Ready when the virtual readers are listed.
    const sc = createRequire(import.meta.url)('smartcard') as typeof import('smartcard');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`pcscd exited with ${child.exitCode}`);
      try {
        const ctx = new sc.Context();
        const names = ctx.listReaders().map((r) => r.name);
        ctx.close();
        if (names.includes(VPCD_READER)) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('pcscd did not come up');
  }

  async stopPcscd(): Promise<void> {
    const child = this.pcscd;
    this.pcscd = null;
    if (!child?.pid) return;
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await waitExit(child, 3000);
  }

  /** Inserts a virtual card: `pkcs15` with the given DER certificates, or `plain` (no PKCS#15). */
  async insertCard(mode: 'pkcs15' | 'plain', certs: Uint8Array[] = []): Promise<ChildProcess> {
    const args = [LAUNCHER, '--port', String(VPCD_PORT), '--mode', mode, '--reconnect'];
    certs.forEach((der, i) => {
      const file = path.join(this.dir, `cert-${Date.now()}-${i}.der`);
      writeFileSync(file, der);
      args.push('--cert', file);
    });
    const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) this.pids.push(child.pid);
    this.cards.add(child);
    child.once('exit', () => this.cards.delete(child));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('virtual card did not connect')), 10_000);
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('vicc: connected')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', () => {});
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`virtual card exited (${code})`));
      });
    });
    return child;
  }

  /** Pulls every virtual card (stops the launchers). */
  async removeCards(): Promise<void> {
    await Promise.all(
      [...this.cards].map(async (child) => {
        if (child.pid) {
          try {
            process.kill(child.pid, 'SIGTERM');
          } catch {
            // gone
          }
        }
        await waitExit(child, 3000);
      }),
    );
  }

  async stopAll(): Promise<void> {
    await this.removeCards();
    await this.stopPcscd();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** PIDs started here that still run (should be none after stopAll). */
  leftovers(): number[] {
    return this.pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        const stat = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
        return stat !== '' && !stat.startsWith('Z');
      } catch {
        return false;
      }
    });
  }
}
