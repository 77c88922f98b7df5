import type { BudgetLines, SpendLines } from '@/utils/popup/budget-lines';
import type { Translate } from '@/utils/i18n/i18n';

function BudgetBar({ budget }: { budget: BudgetLines }) {
  const headingId = `budget-${budget.period}`;
  return (
    <section class="budget" aria-labelledby={headingId} data-testid={`budget-${budget.period}`}>
      <div class="limit-label">
        <h3 id={headingId}>{budget.title}</h3>
        <span class="muted">{budget.usedOfLimit}</span>
      </div>
      <div
        class={`bar budget-bar ${budget.tone}`}
        role="meter"
        aria-label={budget.meterLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(budget.filled * 100)}
      >
        <span style={{ width: `${(budget.filled * 100).toFixed(1)}%` }} />
        {/* Where an even pace through the period would be now: the pace sentence says it in words. */}
        <i class="even-pace" style={{ left: `${(budget.evenAt * 100).toFixed(1)}%` }} aria-hidden="true" />
      </div>
      <ul class="budget-notes">
        {budget.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Cost and budgets, as worded by utils/popup/budget-lines.ts: the cost of this hour, today and
 * the cycle with its forecast, then a bar per budget with its pace and forecasts.
 */
export function BudgetPanel({ lines, t }: { lines: SpendLines; t: Translate }) {
  const { cost } = lines;
  return (
    <section class="spend" aria-labelledby="spend-heading">
      <div class="spend-head">
        <h2 id="spend-heading">{lines.heading}</h2>
        {lines.cycleDates && <span class="muted" data-testid="cycle-dates">{lines.cycleDates}</span>}
      </div>
      {lines.loading && (
        <p class="spend-note muted" data-testid="cycle-loading">
          {lines.loading}
        </p>
      )}
      {cost && (
        <>
          <dl class="stats cost" data-testid="cost">
            <div>
              <dt>{t('spend.costHour')}</dt>
              <dd>{cost.hour}</dd>
            </div>
            <div>
              <dt>{t('spend.costToday')}</dt>
              <dd>{cost.today}</dd>
            </div>
            <div>
              <dt>{t('spend.costCycle')}</dt>
              <dd>{cost.cycle}</dd>
            </div>
          </dl>
          <p class="spend-note" data-testid="cost-projected">
            {cost.projected}
          </p>
          {cost.unpriced && (
            <p class="spend-note muted" data-testid="unpriced">
              {cost.unpriced}
            </p>
          )}
        </>
      )}
      {lines.budgets.map((budget) => (
        <BudgetBar key={budget.period} budget={budget} />
      ))}
    </section>
  );
}
