import type { Translate } from '@/utils/i18n/i18n';
import type { FieldControls } from './field-controls';
import { Field } from './Field';

/** The API's address: rarely touched, and the only place the token is sent. */
export function AdvancedSection({ controls, t }: { readonly controls: FieldControls; readonly t: Translate }) {
  const { problem, textProps } = controls;
  return (
    <section aria-labelledby="advanced-heading">
      <h2 id="advanced-heading">{t('settings.section.advanced')}</h2>
      <Field id="apiBaseUrl" label={t('settings.label.apiBaseUrl')} error={problem('apiBaseUrl')} hint={t('settings.hint.apiBaseUrl')}>
        {(describedBy) => <input type="url" {...textProps('apiBaseUrl', describedBy)} />}
      </Field>
    </section>
  );
}
