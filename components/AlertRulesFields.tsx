import type { AlertErrors, AlertField, AlertRulesDraft } from '@/utils/alert-rules';
import type { TrafficUnits } from '@/utils/traffic-format';

export type NotificationPermission = 'granted' | 'denied' | 'unknown';

interface AlertRulesFieldsProps {
  readonly draft: AlertRulesDraft;
  readonly errors: AlertErrors;
  readonly units: TrafficUnits;
  readonly permission: NotificationPermission;
  readonly onChange: (field: AlertField, value: string | boolean) => void;
}

type Switch = { [K in AlertField]: AlertRulesDraft[K] extends boolean ? K : never }[AlertField];
type Amount = Exclude<AlertField, Switch>;

interface RuleRow {
  readonly id: Switch;
  readonly label: string;
  readonly amounts: readonly { readonly id: Amount; readonly label: string }[];
}

function rows(units: TrafficUnits): RuleRow[] {
  const gb = units === 'binary' ? 'GiB' : 'GB';
  const mb = units === 'binary' ? 'MiB' : 'MB';
  return [
    { id: 'hourlyTotalOn', label: 'This hour’s traffic, all watched users together, passes', amounts: [{ id: 'hourlyTotalGb', label: `${gb} (badge turns amber from 80 %)` }] },
    { id: 'hourlyUserOn', label: 'One user’s traffic this hour passes', amounts: [{ id: 'hourlyUserGb', label: gb }] },
    {
      id: 'spikeOn',
      label: 'Spike: this hour reaches',
      amounts: [
        { id: 'spikeFactor', label: '× the typical hour (median of the last 24 complete hours), and at least' },
        { id: 'spikeFloorMb', label: mb },
      ],
    },
    { id: 'userBalanceOn', label: 'A user’s remaining traffic falls below', amounts: [{ id: 'userBalancePercent', label: '% of its limit' }] },
    { id: 'accountBalanceOn', label: 'The account’s traffic balance falls below', amounts: [{ id: 'accountBalanceGb', label: gb }] },
    { id: 'planExpiryOn', label: 'The plan expires within', amounts: [{ id: 'planExpiryDays', label: 'days' }] },
    {
      id: 'pollingBrokenOn',
      label: 'Polling is broken: the token is rejected, or updates fail for more than',
      amounts: [{ id: 'pollingBrokenMinutes', label: 'minutes' }],
    },
  ];
}

function PermissionNote({ permission }: { permission: NotificationPermission }) {
  if (permission === 'granted') return <p class="muted" data-testid="notification-permission">Desktop notifications are allowed.</p>;
  return (
    <p class="banner warn" role="alert" data-testid="notification-permission">
      {permission === 'denied'
        ? 'Desktop notifications are blocked for this browser or extension, so alerts will not appear. Allow them in the browser’s site and notification settings, or in the system’s notification settings.'
        : 'This browser cannot tell whether notifications are allowed. If alerts never appear, check the system’s notification settings for the browser.'}
    </p>
  );
}

/**
 * The notification rules: each a switch with its thresholds. A threshold's name is
 * its rule and its unit together ("…falls below 10 % of its limit"), so no two share one.
 */
export function AlertRulesFields({ draft, errors, units, permission, onChange }: AlertRulesFieldsProps) {
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Notifications</h2>
      <PermissionNote permission={permission} />
      {rows(units).map((row) => (
        <div class="rule" key={row.id}>
          <div class="rule-line">
            <input id={row.id} type="checkbox" checked={draft[row.id]} onChange={(e) => onChange(row.id, e.currentTarget.checked)} />
            <label id={`${row.id}-label`} for={row.id}>
              {row.label}
            </label>
            {row.amounts.map((amount) => (
              <span class="rule-amount" key={amount.id}>
                <input
                  id={amount.id}
                  type="text"
                  inputMode="decimal"
                  value={draft[amount.id]}
                  aria-labelledby={`${row.id}-label ${amount.id}-unit`}
                  aria-invalid={errors[amount.id] ? true : undefined}
                  aria-describedby={errors[amount.id] ? `${amount.id}-error` : undefined}
                  onInput={(e) => onChange(amount.id, e.currentTarget.value)}
                />
                <label id={`${amount.id}-unit`} for={amount.id}>
                  {amount.label}
                </label>
              </span>
            ))}
          </div>
          {row.amounts.map(
            (amount) =>
              errors[amount.id] && (
                <p id={`${amount.id}-error`} class="field-error" key={`${amount.id}-error`}>
                  {errors[amount.id]}
                </p>
              ),
          )}
        </div>
      ))}
    </section>
  );
}
