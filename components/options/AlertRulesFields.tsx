import { NEARING_SHARE } from '@/utils/settings/alert-rules';
import type { AlertErrors, AlertField, AlertRulesDraft } from '@/utils/settings/alert-rules-form';
import type { RuleText, SettingsText } from '@/utils/settings/settings-text';
import type { TrafficUnits } from '@/utils/format/traffic-format';

export type NotificationPermission = 'granted' | 'denied' | 'unknown';

interface AlertRulesFieldsProps {
  readonly draft: AlertRulesDraft;
  /** Only the problems to show now: the page decides when a field has been visited. */
  readonly errors: AlertErrors;
  readonly units: TrafficUnits;
  readonly permission: NotificationPermission;
  readonly text: SettingsText;
  readonly onChange: (field: AlertField, value: string | boolean) => void;
  readonly onLeave: (field: AlertField) => void;
}

type Switch = { [K in AlertField]: AlertRulesDraft[K] extends boolean ? K : never }[AlertField];
type Amount = Exclude<AlertField, Switch>;

interface RuleRow {
  readonly id: Switch;
  readonly words: RuleText;
  readonly amounts: readonly Amount[];
}

function rows(units: TrafficUnits, text: SettingsText): RuleRow[] {
  const gb = units === 'binary' ? 'GiB' : 'GB';
  const mb = units === 'binary' ? 'MiB' : 'MB';
  const { rules } = text;
  return [
    { id: 'hourlyTotalOn', words: rules.hourlyTotal(gb, NEARING_SHARE), amounts: ['hourlyTotalGb'] },
    { id: 'hourlyUserOn', words: rules.hourlyUser(gb), amounts: ['hourlyUserGb'] },
    { id: 'spikeOn', words: rules.spike(mb), amounts: ['spikeFactor', 'spikeFloorMb'] },
    { id: 'userBalanceOn', words: rules.userBalance, amounts: ['userBalancePercent'] },
    { id: 'accountBalanceOn', words: rules.accountBalance(gb), amounts: ['accountBalanceGb'] },
    { id: 'planExpiryOn', words: rules.planExpiry, amounts: ['planExpiryDays'] },
    { id: 'pollingBrokenOn', words: rules.pollingBroken, amounts: ['pollingBrokenMinutes'] },
  ];
}

function PermissionNote({ permission, text }: { permission: NotificationPermission; text: SettingsText }) {
  if (permission === 'granted') {
    return (
      <p class="muted" data-testid="notification-permission">
        {text.permission.granted}
      </p>
    );
  }
  return (
    <p class="banner warn" role="alert" data-testid="notification-permission">
      {permission === 'denied' ? text.permission.denied : text.permission.unknown}
    </p>
  );
}

/**
 * The notification rules: each a switch with its thresholds. A threshold's name is
 * its rule and the words after it together ("…falls below 10 % of its limit"), so
 * no two share one.
 */
export function AlertRulesFields({ draft, errors, units, permission, text, onChange, onLeave }: AlertRulesFieldsProps) {
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{text.sections.notifications}</h2>
      <PermissionNote permission={permission} text={text} />
      {rows(units, text).map((row) => (
        <div class="rule" key={row.id}>
          <div class="rule-line">
            <input
              id={row.id}
              type="checkbox"
              checked={draft[row.id]}
              onChange={(e) => onChange(row.id, e.currentTarget.checked)}
            />
            <label id={`${row.id}-label`} for={row.id}>
              {row.words.label}
            </label>
            {row.amounts.map((amount, index) => {
              const problem = errors[amount];
              return (
                <span class="rule-amount" key={amount}>
                  <input
                    id={amount}
                    type="text"
                    inputMode="decimal"
                    autocomplete="off"
                    value={draft[amount]}
                    aria-labelledby={`${row.id}-label ${amount}-unit`}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${amount}-error` : undefined}
                    onInput={(e) => onChange(amount, e.currentTarget.value)}
                    onBlur={() => onLeave(amount)}
                  />
                  <label id={`${amount}-unit`} for={amount}>
                    {row.words.after[index]}
                  </label>
                </span>
              );
            })}
          </div>
          {row.amounts.map((amount) => {
            const problem = errors[amount];
            return (
              problem && (
                <p id={`${amount}-error`} class="field-error" key={`${amount}-error`}>
                  {text.alertProblem(problem)}
                </p>
              )
            );
          })}
        </div>
      ))}
    </section>
  );
}
