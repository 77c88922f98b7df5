import { BUDGET_FIELDS, PRICE_FIELDS, type BudgetName, type MoneySwitch, type SettingsDraft } from '@/utils/settings/draft';
import { PROXY_TYPES, type BadgeShows, type BudgetLimit } from '@/utils/settings/model';
import { budgetGbUnit, budgetKindOption, currencyOption, proxyTypeName } from '@/utils/settings/settings-words';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import type { Language } from '@/utils/i18n/i18n';
import type { FieldControls } from './field-controls';
import { Field } from './Field';

/** The currencies the menu offers, with the stored one added when it is another. */
const COMMON_CURRENCIES = ['USD', 'EUR', 'CNY', 'GBP', 'JPY', 'HKD', 'SGD', 'AUD', 'CAD', 'INR'] as const;
const BADGE_CHOICES: readonly BadgeShows[] = ['traffic', 'today-cost'];
const BUDGET_KINDS: readonly BudgetLimit['kind'][] = ['off', 'traffic', 'money'];

interface MoneySectionProps {
  readonly draft: SettingsDraft;
  /** The units traffic budgets are typed in: the form's choice. */
  readonly units: TrafficUnits;
  readonly controls: FieldControls;
  readonly language: Language;
  readonly onSwitch: (field: MoneySwitch, on: boolean) => void;
}

const describedBy = (...ids: readonly (string | undefined | false)[]) => ids.filter(Boolean).join(' ') || undefined;

interface BudgetFieldProps extends Omit<MoneySectionProps, 'onSwitch'> {
  readonly budget: BudgetName;
}

/** A budget: its kind (off, traffic, money) and, unless off, its amount in GB or the currency. */
function BudgetField({ budget, draft, units, controls, language }: BudgetFieldProps) {
  const { t } = language;
  const { problem, textProps, choiceProps } = controls;
  const { kind, amount } = BUDGET_FIELDS[budget];
  const chosen = draft.money[kind];
  const currency = draft.money.currency;
  const kindError = problem(kind);
  const amountError = problem(amount);
  const hintId = `${kind}-hint`;
  return (
    <div class={`field budget${kindError || amountError ? ' has-error' : ''}`}>
      <label for={kind}>{budget === 'daily' ? t('settings.money.dailyBudget') : t('settings.money.cycleBudget')}</label>
      <div class="budget-row">
        <select {...choiceProps(kind, describedBy(kindError && `${kind}-error`, hintId))}>
          {BUDGET_KINDS.map((choice) => (
            <option key={choice} value={choice}>
              {budgetKindOption(choice, units, currency, t)}
            </option>
          ))}
        </select>
        {chosen !== 'off' && (
          <span class="amount-with-unit">
            <label for={amount} class="sr-only">
              {budget === 'daily' ? t('settings.money.dailyAmount') : t('settings.money.cycleAmount')}
            </label>
            <input type="text" inputMode="decimal" {...textProps(amount, describedBy(amountError && `${amount}-error`, `${amount}-unit`))} />
            <span id={`${amount}-unit`} class="unit">
              {chosen === 'money' ? currency : budgetGbUnit(units)}
            </span>
          </span>
        )}
      </div>
      {kindError && (
        <p id={`${kind}-error`} class="field-error">
          {kindError}
        </p>
      )}
      {amountError && (
        <p id={`${amount}-error`} class="field-error">
          {amountError}
        </p>
      )}
      <p id={hintId} class="field-hint muted">
        {budget === 'daily' ? t('settings.money.dailyHint') : t('settings.money.cycleHint')}
      </p>
    </div>
  );
}

interface RuleSwitchProps {
  readonly field: MoneySwitch;
  readonly label: string;
  /** When the rule fires, in one sentence. */
  readonly hint: string;
  readonly on: boolean;
  readonly onSwitch: MoneySectionProps['onSwitch'];
}

/** A budget notification rule that is on or off, and the one sentence that says when it fires. */
function RuleSwitch({ field, label, hint, on, onSwitch }: RuleSwitchProps) {
  return (
    <div class="rule">
      <div class="rule-line">
        <input id={field} type="checkbox" checked={on} aria-describedby={`${field}-hint`} onChange={(e) => onSwitch(field, e.currentTarget.checked)} />
        <label for={field}>{label}</label>
      </div>
      <p id={`${field}-hint`} class="field-hint muted rule-hint">
        {hint}
      </p>
    </div>
  );
}

/**
 * Prices per GB and their currency, what the badge shows, the daily and cycle budgets with the
 * cycle's start day, and the budget notification rules, each explained where it is set.
 */
export function MoneySection({ draft, units, controls, language, onSwitch }: MoneySectionProps) {
  const { locale, t } = language;
  const { problem, textProps, choiceProps } = controls;
  const { money } = draft;
  const currencies = COMMON_CURRENCIES.some((code) => code === money.currency) ? COMMON_CURRENCIES : [...COMMON_CURRENCIES, money.currency];
  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t('settings.money.section')}</h2>
      <p class="muted">{t('settings.money.intro')}</p>

      <h3>{t('settings.money.pricesHeading')}</h3>
      <p class="field-hint muted">{t('settings.money.pricesHint')}</p>
      <div class="price-row">
        {PROXY_TYPES.map((type) => {
          const field = PRICE_FIELDS[type];
          return (
            <Field key={field} id={field} label={t('settings.money.price', [proxyTypeName(type, t)])} error={problem(field)}>
              {(ids) => (
                <span class="amount-with-unit">
                  <input type="text" inputMode="decimal" {...textProps(field, describedBy(ids, `${field}-unit`))} />
                  <span id={`${field}-unit`} class="unit">
                    {money.currency}
                  </span>
                </span>
              )}
            </Field>
          );
        })}
      </div>
      <Field id="currency" label={t('settings.money.currency')} error={problem('currency')} hint={t('settings.money.currencyHint')}>
        {(ids) => (
          <select {...choiceProps('currency', ids)}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {currencyOption(code, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="badgeShows" label={t('settings.money.badgeShows')} error={problem('badgeShows')} hint={t('settings.money.badgeHint')}>
        {(ids) => (
          <select {...choiceProps('badgeShows', ids)}>
            {BADGE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'traffic' ? t('settings.money.badgeTraffic') : t('settings.money.badgeTodayCost')}
              </option>
            ))}
          </select>
        )}
      </Field>

      <h3>{t('settings.money.budgetsHeading')}</h3>
      <BudgetField budget="daily" draft={draft} units={units} controls={controls} language={language} />
      <BudgetField budget="cycle" draft={draft} units={units} controls={controls} language={language} />
      <Field id="cycleStartDay" label={t('settings.money.cycleStartDay')} error={problem('cycleStartDay')} hint={t('settings.money.cycleStartDayHint')}>
        {(ids) => <input type="number" inputMode="numeric" min={1} max={31} step={1} {...textProps('cycleStartDay', ids)} />}
      </Field>

      <h3>{t('settings.money.alertsHeading')}</h3>
      <Field id="usePercents" label={t('settings.money.usePercents')} error={problem('usePercents')} hint={t('settings.money.usePercentsHint')}>
        {(ids) => <input type="text" class="percents" placeholder="50, 80, 100" {...textProps('usePercents', ids)} />}
      </Field>
      <RuleSwitch
        field="forecastAlert"
        label={t('settings.money.forecastAlert')}
        hint={t('settings.money.forecastAlertHint')}
        on={money.forecastAlert}
        onSwitch={onSwitch}
      />
      <RuleSwitch
        field="rapidUseAlert"
        label={t('settings.money.rapidUseAlert')}
        hint={t('settings.money.rapidUseAlertHint')}
        on={money.rapidUseAlert}
        onSwitch={onSwitch}
      />
      <p class="muted not-today">{t('settings.money.notToday')}</p>
    </section>
  );
}
