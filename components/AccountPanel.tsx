import type { AccountSnapshot } from '@/utils/account-snapshot';
import { daysUntil } from '@/utils/alerts';
import type { Forecast } from '@/utils/forecast';
import type { PopupText } from '@/utils/popup-text';
import type { UserRow } from '@/utils/user-rows';

interface AccountPanelProps {
  readonly account: AccountSnapshot;
  readonly rows: readonly UserRow[];
  readonly forecast: Forecast;
  readonly now: number;
  readonly text: PopupText;
  readonly amount: (kb: number) => string;
  readonly formatDate: (ms: number) => string;
}

/** The API's balance endpoint speaks MB: 1 MB = 1024 KB. */
const KB_PER_MB = 1024;

function LimitBar({ row, text, amount }: { row: UserRow; text: PopupText; amount: (kb: number) => string }) {
  if (row.limitKb === null || row.limitKb <= 0 || row.balanceKb === null) return null;
  const left = Math.min(1, Math.max(0, row.balanceKb / row.limitKb));
  const label = text.limitLeft(amount(row.balanceKb), amount(row.limitKb));
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
export function AccountPanel({ account, rows, forecast, now, text, amount, formatDate }: AccountPanelProps) {
  const balance = account.balance;
  const limited = rows.filter((row) => row.limitKb !== null && row.limitKb > 0 && row.balanceKb !== null);
  if (!balance && limited.length === 0) return null;
  const days = balance?.expiresOn ? daysUntil(balance.expiresOn, now) : null;
  return (
    <section class="account" aria-labelledby="account-heading">
      <h2 id="account-heading">{text.account}</h2>
      {balance && (
        <p class="account-line">
          <span>{text.accountBalance}</span> <strong data-testid="account-balance">{amount(balance.balanceMb * KB_PER_MB)}</strong>
        </p>
      )}
      {balance?.expiresOn && days !== null && days >= 0 && (
        <p class="account-line muted" data-testid="plan-expiry">
          {text.planExpires(balance.expiresOn, days)}
        </p>
      )}
      {forecast.kind === 'runs-out' && (
        <p class="forecast" data-testid="forecast">
          {text.forecast(Math.max(1, Math.round(forecast.days)), formatDate(forecast.at))}
        </p>
      )}
      {limited.map((row) => (
        <LimitBar key={row.key} row={row} text={text} amount={amount} />
      ))}
    </section>
  );
}
