import { CHART_HOURS_CHOICES, PROXY_TYPES, UNITS_CHOICES, type BadgeScope } from '@/utils/settings/model';
import { badgeScopeValue, type SettingsDraft } from '@/utils/settings/draft';
import { badgeScopeOption, chartHoursOption, unitsOption } from '@/utils/settings/settings-words';
import { accountLabel } from '@/utils/settings/watched';
import type { Language } from '@/utils/i18n/i18n';
import type { ActionShortcut } from '@/utils/options/shortcut';
import type { FieldControls } from './field-controls';
import { Field } from './Field';
import { ShortcutNote } from './ShortcutNote';

interface DisplaySectionProps {
  readonly draft: SettingsDraft;
  readonly controls: FieldControls;
  readonly language: Language;
  /** Units convert the thresholds' text too, so choosing them is the form's business. */
  readonly onUnits: (value: string) => void;
  readonly shortcut: ActionShortcut;
  readonly shortcutPlace: 'firefox' | 'chromium';
}

/** What the badge may sum: everything, one account (offered once there are several) or one product. */
function badgeScopes(draft: SettingsDraft): BadgeScope[] {
  const accounts: BadgeScope[] = draft.accounts.length > 1 ? draft.accounts.map((account) => ({ kind: 'account', account: account.id })) : [];
  return [{ kind: 'all' }, ...accounts, ...PROXY_TYPES.map((proxyType): BadgeScope => ({ kind: 'product', proxyType }))];
}

/** Units, the popup's chart window, what the badge counts, and the popup's keyboard shortcut. */
export function DisplaySection({ draft, controls, language, onUnits, shortcut, shortcutPlace }: DisplaySectionProps) {
  const { problem, choiceProps } = controls;
  const { locale, t } = language;
  const accountName = (account: string) =>
    accountLabel(
      draft.accounts.map((known) => ({ id: known.id, label: known.label })),
      account,
      (position) => t('account.unnamed', [position]),
    );
  return (
    <section aria-labelledby="display-heading">
      <h2 id="display-heading">{t('settings.section.display')}</h2>
      <Field id="units" label={t('settings.label.units')} error={problem('units')} hint={t('settings.hint.units')}>
        {(describedBy) => (
          <select {...choiceProps('units', describedBy, onUnits)}>
            {UNITS_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {unitsOption(choice, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="chartHours" label={t('settings.label.chartHours')} error={problem('chartHours')} hint={t('settings.hint.chartHours')}>
        {(describedBy) => (
          <select {...choiceProps('chartHours', describedBy)}>
            {CHART_HOURS_CHOICES.map((hours) => (
              <option key={hours} value={String(hours)}>
                {chartHoursOption(hours, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="badgeScope" label={t('settings.label.badgeScope')} error={problem('badgeScope')} hint={t('settings.hint.badgeScope')}>
        {(describedBy) => (
          <select {...choiceProps('badgeScope', describedBy)}>
            {badgeScopes(draft).map((scope) => {
              const value = badgeScopeValue(scope);
              return (
                <option key={value} value={value}>
                  {badgeScopeOption(scope, accountName, t)}
                </option>
              );
            })}
          </select>
        )}
      </Field>
      <ShortcutNote shortcut={shortcut} place={shortcutPlace} t={t} />
    </section>
  );
}
