// Selector overrides beside their health on an open console tab (issue 13): the content script's
// own reading (the adapter's snapshot.health, names only), so a superuser who fixes a broken
// selector and applies it sees the field turn green. No console tab open: says so.
import { useEffect, useState } from 'preact/hooks';
import type { ClinicField } from '../../../../shared/selector-strategy';
import { FIELD_NAMES } from '../../../clinic/health';
import { type MessageKey, t } from '../../../lib/i18n';
import { type MessageReply, sendToTab } from '../../../lib/messages';

type Reading = MessageReply<'selector-health'>;
const POLL_MS = 2_000;
const WORD = {
  found: 'options_healthFound',
  missing: 'options_healthMissing',
  ambiguous: 'options_healthAmbiguous',
  'not-applicable': 'options_healthNotHere',
} satisfies Record<string, MessageKey>;

function isReading(v: unknown): v is Reading {
  return typeof v === 'object' && v !== null && 'health' in v && 'route' in v;
}

/** The first console tab that answers, a visit page before any other. */
async function readTabs(): Promise<Reading | null> {
  // Without the tabs permission only the console's tabs (host permission) carry a URL.
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.url);
  const replies = await Promise.all(tabs.map((t) => sendToTab(t.id!, 'selector-health').catch(() => null)));
  const readings = replies.filter(isReading);
  return readings.find((r) => r.route === 'visit') ?? readings[0] ?? null;
}

export function SelectorHealth({ overridden }: { overridden: readonly string[] }) {
  const [reading, setReading] = useState<Reading | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const tick = () => void readTabs().then((r) => live && setReading(r));
    tick();
    const timer = setInterval(tick, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (reading === undefined) return null;
  return (
    <details id="selector-health" open={overridden.length > 0}>
      <summary>{t('options_healthHeading')}</summary>
      {reading === null ? (
        <p class="hint">{t('options_healthNoTab')}</p>
      ) : (
        <ul>
          {(Object.entries(reading.health) as [ClinicField, keyof typeof WORD][]).map(([field, health]) => (
            <li key={field} data-field={field} data-health={health} class={`health-${health}`}>
              <code>{field}</code> ({FIELD_NAMES[field]}): {t(WORD[health])}
              {overridden.includes(field) && ` · ${t('options_healthOverridden')}`}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
