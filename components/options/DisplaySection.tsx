import { CHART_HOURS_CHOICES, UNITS_CHOICES } from '@/utils/settings/model';
import { chartHoursOption, unitsOption } from '@/utils/settings/settings-words';
import type { Language } from '@/utils/i18n/i18n';
import type { FieldControls } from './field-controls';
import { Field } from './Field';

interface DisplaySectionProps {
  readonly controls: FieldControls;
  readonly language: Language;
  /** Units convert the thresholds' text too, so choosing them is the form's business. */
  readonly onUnits: (value: string) => void;
}

/** Units and the popup's chart window. */
export function DisplaySection({ controls, language, onUnits }: DisplaySectionProps) {
  const { problem, choiceProps } = controls;
  const { locale, t } = language;
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
    </section>
  );
}
