// Budget: the extension re-evaluates the open visit on every chat mutation and alarm, so even a
// pathological log (2,000 events) must stay well under a frame.
import {
  DEFAULT_NO_REPLY_SETTINGS,
  evaluateNoReply,
  type NoReplyEvent,
  type NoReplyEventType,
} from '../shared/no-reply';
import { type BenchSuite, median, sample } from './types';

const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const TYPES: NoReplyEventType[] = [
  'clinician-message',
  'clinician-message',
  'patient-message',
  'notice-sent',
  'phone-attempt',
];

/** A long visit, deterministic, shuffled so the function cannot lean on arrival order. */
function visit(count: number): NoReplyEvent[] {
  let seed = 1177;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const events = Array.from({ length: count }, (_, i) => ({
    type: TYPES[i % TYPES.length]!,
    at: new Date(T0 + i * 15_000).toISOString(),
  }));
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

const suite: BenchSuite = async () => {
  const events = visit(2_000);
  const now = new Date(T0 + 2_000 * 15_000 + 3 * 3_600_000);
  const samples = await sample(() => evaluateNoReply(events, now, DEFAULT_NO_REPLY_SETTINGS, 2), 200, 20);
  return [
    { name: 'evaluate a visit with 2,000 events', value: median(samples), unit: 'ms', statistic: 'median', budget: 1 },
  ];
};

export default suite;
