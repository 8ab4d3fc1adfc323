/**
 * Runs the Clinic console simulator standalone:
 *   npx tsx test/clinic-sim/main.ts --port 4177 --seed abc [--clock 2024-06-03T09:00:00+02:00] [--scenario default] [--skin grid]
 * Prints the URL; Ctrl+C stops it.
 */
import { parseArgs } from 'node:util';
import { ALL_SKINS, type SkinName } from './model';
import { startClinicSim } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4177' },
    seed: { type: 'string' },
    clock: { type: 'string' },
    scenario: { type: 'string' },
    skin: { type: 'string' },
  },
});
if (values.skin && !(ALL_SKINS as readonly string[]).includes(values.skin)) {
  console.error(`--skin: one of ${ALL_SKINS.join(', ')}`);
  process.exit(2);
}

const sim = await startClinicSim({
  port: Number(values.port),
  seed: values.seed,
  clock: values.clock,
  skin: values.skin as SkinName | undefined,
});
if (values.scenario) sim.control.scenario(values.scenario as 'default');
console.log(`Clinic-simulatorn kör på ${sim.url}`);
console.log(`Kontroll-API: ${sim.url}/__sim/  (seed ${sim.control.getState().seed})`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
