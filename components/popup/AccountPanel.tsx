import type { AccountFigures } from '@/utils/account/account-snapshot';
import type { ApiError } from '@/utils/api/errors';
import { daysUntil } from '@/utils/time/expiry-date';
import type { Forecast } from '@/utils/usage/forecast';
import { joinSentences, type Language, type Translate } from '@/utils/i18n/i18n';
import type { PlanView } from '@/utils/budget/spend-view';
import { planLines, walletText } from '@/utils/popup/account-lines';
import type { Money } from '@/utils/base/money';
import type { UserRow } from '@/utils/popup/user-rows';
import { mbToKb, type Kb } from '@/utils/base/units';

/** One account's figures as the panel shows them. */
export interface AccountEntry {
  readonly id: string;
  /** Its label or "Account N"; null with one account, where naming it would only add words. */
  readonly name: string | null;
  readonly figures: AccountFigures;
  /** Its watched users. */
  readonly rows: readonly UserRow[];
  /** When its balance runs out at its own users' rate of the last 24 hours. */
  readonly forecast: Forecast;
  /** Its plan as a budget: the balance spread over the days to expiry, and how that rate compares. */
  readonly plan: PlanView;
  /** Its wallet (USD) when the last refresh read it; a failure there stays quiet. */
  readonly wallet: Money | null;
}

interface AccountPanelProps {
  readonly accounts: readonly AccountEntry[];
  /** How many limit bars an account shows at most (the lowest first), or null for all. */
  readonly maxBars: number | null;
  readonly now: number;
  readonly language: Language;
  readonly amount: (kb: Kb) => string;
  readonly formatDate: (ms: number) => string;
  /** One sentence on what went wrong, in the reader's language. */
  readonly problemOf: (error: ApiError) => string;
}

interface Limited {
  readonly row: UserRow;
  readonly limitKb: Kb;
  readonly balanceKb: Kb;
  /** Share of the limit left, 0–1. */
  readonly left: number;
}

function limitedOf(rows: readonly UserRow[]): Limited[] {
  return rows.flatMap((row) =>
    row.limitKb !== null && row.limitKb > 0 && row.balanceKb !== null
      ? [{ row, limitKb: row.limitKb, balanceKb: row.balanceKb, left: Math.min(1, Math.max(0, row.balanceKb / row.limitKb)) }]
      : [],
  );
}

function LimitBar({ limited, t, amount }: { limited: Limited; t: Translate; amount: (kb: Kb) => string }) {
  const { row, left } = limited;
  const label = t('popup.limitLeft', [amount(limited.balanceKb), amount(limited.limitKb)]);
  return (
    <div class="limit">
      <div class="limit-label">
        <span>{row.username}</span>
        <span class="muted">{label}</span>
      </div>
      <div
        class={`bar${left < 0.1 ? ' low' : ''}`}
        role="meter"
        aria-label={`${row.username}: ${label}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(left * 100)}
      >
        <span style={{ width: `${(left * 100).toFixed(1)}%` }} />
      </div>
    </div>
  );
}

type AccountFiguresProps = Omit<AccountPanelProps, 'accounts'> & { readonly entry: AccountEntry };

/** One account's balance, plan expiry, forecast, its own errors and its users' limits. */
function AccountFiguresView({ entry, maxBars, now, language, amount, formatDate, problemOf }: AccountFiguresProps) {
  const { t } = language;
  const { balance, balanceError, usersError } = entry.figures;
  const forecast = entry.forecast;
  const plan = planLines(entry.plan, balance?.expiresOn ?? null, language, amount);
  const limited = limitedOf(entry.rows);
  // In a long list, the users closest to their limit: a hundred bars would bury them.
  const bars = maxBars === null ? limited : [...limited].sort((a, b) => a.left - b.left).slice(0, maxBars);
  const days = balance?.expiresOn ? daysUntil(balance.expiresOn, now) : null;
  const forecastDays = forecast.kind === 'runs-out' ? Math.max(1, Math.round(forecast.days)) : 0;
  return (
    <>
      {balance && (
        <p class="account-line">
          <span>{t('popup.accountBalance')}</span> <strong data-testid="account-balance">{amount(mbToKb(balance.balanceMb))}</strong>
        </p>
      )}
      {entry.wallet !== null && (
        <p class="account-line">
          <span>{t('spend.wallet')}</span> <strong data-testid="wallet">{walletText(entry.wallet, language)}</strong>
        </p>
      )}
      {/* Each secondary endpoint's failure stays with its own figures, never in the banner. */}
      {balanceError && (
        <p class="account-line warn" data-testid="balance-error">
          {t('popup.balanceNotRead', [problemOf(balanceError)])}
        </p>
      )}
      {balance?.expiresOn && days !== null && days >= 0 && (
        <p class="account-line muted" data-testid="plan-expiry">
          {t('popup.planExpires', days, [balance.expiresOn, days])}
        </p>
      )}
      {plan && (
        <p class="account-line muted" data-testid="plan-allowance">
          {plan.allowance}
        </p>
      )}
      {forecast.kind === 'runs-out' && (
        <p class="forecast" data-testid="forecast">
          {/* Against the plan's expiry the forecast says more: how long before or after it the balance runs out. */}
          {joinSentences(t, t('popup.forecast', forecastDays, [forecastDays, formatDate(forecast.at)]), plan?.margin ?? '')}
        </p>
      )}
      {usersError && (
        <p class="account-line warn" data-testid="limits-error">
          {t('popup.limitsNotRead', [problemOf(usersError)])}
        </p>
      )}
      {bars.map((bar) => (
        <LimitBar key={bar.row.key} limited={bar} t={t} amount={amount} />
      ))}
      {bars.length < limited.length && (
        <p class="muted more-limits">{t('popup.moreLimits', limited.length - bars.length, [limited.length - bars.length])}</p>
      )}
    </>
  );
}

function hasFigures(entry: AccountEntry): boolean {
  const { balance, balanceError, usersError } = entry.figures;
  return balance !== null || balanceError !== null || usersError !== null || entry.wallet !== null || limitedOf(entry.rows).length > 0;
}

/**
 * Limits and balances, per account: what is left, and how long it lasts at the recent rate.
 * With several accounts each is named; an account with nothing to show is left out.
 */
export function AccountPanel({ accounts, ...rest }: AccountPanelProps) {
  const shown = accounts.filter(hasFigures);
  if (shown.length === 0) return null;
  const several = shown.some((entry) => entry.name !== null);
  return (
    <section class="account" aria-labelledby="account-heading">
      <h2 id="account-heading">{several ? rest.language.t('popup.accounts') : rest.language.t('popup.account')}</h2>
      {shown.map((entry) =>
        entry.name === null ? (
          <AccountFiguresView key={entry.id} entry={entry} {...rest} />
        ) : (
          <section key={entry.id} class="account-entry" aria-labelledby={`account-${entry.id}`}>
            <h3 id={`account-${entry.id}`}>{entry.name}</h3>
            <AccountFiguresView entry={entry} {...rest} />
          </section>
        ),
      )}
    </section>
  );
}
