/**
 * A tiny manual check: starts the simulator with the default scenario and screenshots one route
 * with the system Chromium (no extension). Not part of any test run.
 *   npx tsx test/clinic-sim/screenshot.ts [route-or-patient-key] [out.png] [skin]
 *   e.g. `npx tsx test/clinic-sim/screenshot.ts adult .tmp/visit.png` or `… /drop-in .tmp/queue.png`
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import type { SkinName } from './model';
import { startClinicSim } from './server';

const target = process.argv[2] ?? 'adult';
const out = path.resolve(process.argv[3] ?? '.tmp/clinic-sim.png');
const skin = (process.argv[4] ?? 'dl') as SkinName;
const sim = await startClinicSim({ seed: 'screenshot', clock: SCENARIO_CLOCK, skin });
const { cases } = sim.control.scenario('default');
const route = target.startsWith('/') ? target : `/besok/${(cases as Record<string, string>)[target] ?? target}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1440, height: 900 });
  // Not networkidle: the page keeps its Server-Sent Events stream open.
  await page.goto(`${sim.url}${route}`, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out as `${string}.png` });
  console.log(`${sim.url}${route} → ${out}`);
} finally {
  await browser.close();
  await sim.close();
}
