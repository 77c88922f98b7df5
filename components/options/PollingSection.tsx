import { selectableOffsets } from '@/utils/time/api-timezone';
import { POLL_INTERVAL_RANGE } from '@/utils/settings/model';
import { timezoneOption } from '@/utils/settings/settings-words';
import type { Translate } from '@/utils/i18n/i18n';
import type { FieldControls } from './field-controls';
import { Field } from './Field';

function browserZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * How often to ask, and which timezone Thordata's hours are in. `note` says the interval polling
 * will keep when the requests of a full round need longer than the one chosen.
 */
export function PollingSection({ controls, note, t }: { readonly controls: FieldControls; readonly note: string | null; readonly t: Translate }) {
  const { problem, textProps, choiceProps } = controls;
  return (
    <section aria-labelledby="polling-heading">
      <h2 id="polling-heading">{t('settings.section.polling')}</h2>
      <Field id="pollIntervalMinutes" label={t('settings.label.pollInterval')} error={problem('pollIntervalMinutes')} hint={t('settings.hint.pollInterval')}>
        {(describedBy) => (
          <input
            type="number"
            inputMode="numeric"
            min={POLL_INTERVAL_RANGE.min}
            max={POLL_INTERVAL_RANGE.max}
            step={1}
            {...textProps('pollIntervalMinutes', describedBy)}
          />
        )}
      </Field>
      {note && (
        <p class="banner info interval-note" data-testid="interval-note">
          {note}
        </p>
      )}
      <Field id="apiTimezone" label={t('settings.label.apiTimezone')} error={problem('apiTimezone')} hint={t('settings.hint.apiTimezone')}>
        {(describedBy) => (
          <select {...choiceProps('apiTimezone', describedBy)}>
            {selectableOffsets().map((value) => (
              <option key={value} value={value}>
                {timezoneOption(value, t)}
              </option>
            ))}
            <option value="browser">{t('settings.timezone.browser', [browserZoneName()])}</option>
          </select>
        )}
      </Field>
    </section>
  );
}
