import type { EffectiveRules } from '../../lib/rules';

/** A rule set that was refused, with every error, and which rules are in force instead. */
const SOURCE_LABEL: Record<EffectiveRules['source'], string> = {
  policy: 'från IT-policy',
  superuser: 'från superanvändare',
  default: 'standard',
  'last-good': 'senast godkända',
};

export function RefusedRules({ effective }: { effective: EffectiveRules }) {
  if (effective.refused.length === 0) return null;
  return (
    <section class="alert" role="alert" id="refused-rules" aria-label="Avvisad regeluppsättning">
      {effective.refused.map((r) => (
        <div key={r.source}>
          <strong>
            Regeluppsättningen {r.source === 'policy' ? 'från IT-policyn' : 'från superanvändaren'} avvisades (
            {r.errors.length} fel).
          </strong>{' '}
          I kraft: {effective.rules.meta.name} {effective.rules.meta.version} ({SOURCE_LABEL[effective.source]}).
          <ul>
            {r.errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                <code>{e.path || '(hela filen)'}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
