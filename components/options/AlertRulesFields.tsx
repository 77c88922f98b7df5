import type { AlertErrors, AlertField, AlertRulesDraft } from '@/utils/settings/alert-rules-form';
import { alertProblemText, ruleWords, type RuleText } from '@/utils/settings/settings-words';
import type { Language, Translate } from '@/utils/i18n/i18n';
import type { TrafficUnits } from '@/utils/format/traffic-format';

export type NotificationPermission = 'granted' | 'denied' | 'unknown';

interface AlertRulesFieldsProps {
  readonly draft: AlertRulesDraft;
  /** Only the problems to show now: the page decides when a field has been visited. */
  readonly errors: AlertErrors;
  readonly units: TrafficUnits;
  readonly permission: NotificationPermission;
  readonly language: Language;
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

function rows(units: TrafficUnits, language: Language): RuleRow[] {
  const rules = ruleWords(units, language);
  return [
    { id: 'hourlyTotalOn', words: rules.hourlyTotal, amounts: ['hourlyTotalGb'] },
    { id: 'hourlyUserOn', words: rules.hourlyUser, amounts: ['hourlyUserGb'] },
    { id: 'spikeOn', words: rules.spike, amounts: ['spikeFactor', 'spikeFloorMb'] },
    { id: 'userBalanceOn', words: rules.userBalance, amounts: ['userBalancePercent'] },
    { id: 'accountBalanceOn', words: rules.accountBalance, amounts: ['accountBalanceGb'] },
    { id: 'planExpiryOn', words: rules.planExpiry, amounts: ['planExpiryDays'] },
    { id: 'pollingBrokenOn', words: rules.pollingBroken, amounts: ['pollingBrokenMinutes'] },
  ];
}

function PermissionNote({ permission, t }: { permission: NotificationPermission; t: Translate }) {
  if (permission === 'granted') {
    return (
      <p class="muted" data-testid="notification-permission">
        {t('settings.permission.granted')}
      </p>
    );
  }
  return (
    <p class="banner warn" role="alert" data-testid="notification-permission">
      {permission === 'denied' ? t('settings.permission.denied') : t('settings.permission.unknown')}
    </p>
  );
}

/**
 * The notification rules: each a switch with its thresholds. A threshold's name is
 * its rule and the words after it together ("…falls below 10 % of its limit"), so
 * no two share one.
 */
export function AlertRulesFields({ draft, errors, units, permission, language, onChange, onLeave }: AlertRulesFieldsProps) {
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{language.t('settings.section.notifications')}</h2>
      <PermissionNote permission={permission} t={language.t} />
      {rows(units, language).map((row) => (
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
                  {alertProblemText(problem, language)}
                </p>
              )
            );
          })}
        </div>
      ))}
    </section>
  );
}
