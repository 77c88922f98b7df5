import type { AccountSnapshot } from '@/utils/account/account-snapshot';
import type { ApiError } from '@/utils/api/errors';
import { daysUntil } from '@/utils/alerts/evaluate';
import type { Forecast } from '@/utils/usage/forecast';
import type { Translate } from '@/utils/i18n/i18n';
import type { UserRow } from '@/utils/popup/user-rows';
import { mbToKb, type Kb } from '@/utils/base/units';

interface AccountPanelProps {
  readonly account: AccountSnapshot;
  readonly rows: readonly UserRow[];
  readonly forecast: Forecast;
  readonly now: number;
  readonly t: Translate;
  readonly amount: (kb: Kb) => string;
  readonly formatDate: (ms: number) => string;
  /** One sentence on what went wrong, in the reader's language. */
  readonly problemOf: (error: ApiError) => string;
}

function LimitBar({ row, t, amount }: { row: UserRow; t: Translate; amount: (kb: Kb) => string }) {
  if (row.limitKb === null || row.limitKb <= 0 || row.balanceKb === null) return null;
  const left = Math.min(1, Math.max(0, row.balanceKb / row.limitKb));
  const label = t('popup.limitLeft', [amount(row.balanceKb), amount(row.limitKb)]);
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

/** Limits and balances: what is left, and how long it lasts at the recent rate. */
export function AccountPanel({ account, rows, forecast, now, t, amount, formatDate, problemOf }: AccountPanelProps) {
  const balance = account.balance;
  const limited = rows.filter((row) => row.limitKb !== null && row.limitKb > 0 && row.balanceKb !== null);
  const { balanceError, usersError } = account;
  if (!balance && limited.length === 0 && !balanceError && !usersError) return null;
  const days = balance?.expiresOn ? daysUntil(balance.expiresOn, now) : null;
  const forecastDays = forecast.kind === 'runs-out' ? Math.max(1, Math.round(forecast.days)) : 0;
  return (
    <section class="account" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('popup.account')}</h2>
      {balance && (
        <p class="account-line">
          <span>{t('popup.accountBalance')}</span> <strong data-testid="account-balance">{amount(mbToKb(balance.balanceMb))}</strong>
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
      {forecast.kind === 'runs-out' && (
        <p class="forecast" data-testid="forecast">
          {t('popup.forecast', forecastDays, [forecastDays, formatDate(forecast.at)])}
        </p>
      )}
      {usersError && (
        <p class="account-line warn" data-testid="limits-error">
          {t('popup.limitsNotRead', [problemOf(usersError)])}
        </p>
      )}
      {limited.map((row) => (
        <LimitBar key={row.key} row={row} t={t} amount={amount} />
      ))}
    </section>
  );
}
