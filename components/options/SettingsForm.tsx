import { useRef, useState } from 'preact/hooks';
import type { UserList } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import type { Result } from '@/utils/base/result';
import type { Kb } from '@/utils/base/units';
import { formatAmount } from '@/utils/format/traffic-format';
import type { Language } from '@/utils/i18n/i18n';
import type { AlertField } from '@/utils/settings/alert-rules-form';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import type { DraftField, SettingsDraft } from '@/utils/settings/draft';
import { fieldProblemText } from '@/utils/settings/settings-words';
import { AdvancedSection } from './AdvancedSection';
import { AlertRulesFields, type NotificationPermission } from './AlertRulesFields';
import { ConnectionSection } from './ConnectionSection';
import { DisplaySection } from './DisplaySection';
import { fieldControls } from './field-controls';
import { ForgetData } from './ForgetData';
import { keepFocus, useFocusAfterRender, type Notice } from './form-focus';
import { PollingSection } from './PollingSection';
import { useSettingsDraft, type SettingsDraftOptions, type StoredSettings } from './useSettingsDraft';

export interface SettingsFormProps extends SettingsDraftOptions {
  readonly language: Language;
  readonly permission: NotificationPermission;
  readonly onTestConnection: (draft: SettingsDraft) => Promise<Result<UserList, ApiError>>;
  /** Removes every stored item and tells the background; rejects if the browser refuses. */
  readonly onForget: () => Promise<void>;
}

/** The problems of the fields that may show theirs now. */
function onlyShown<F extends string, P>(problems: Partial<Record<F, P>>, shows: (field: F) => boolean): Partial<Record<F, P>> {
  const result: Partial<Record<F, P>> = {};
  for (const field of Object.keys(problems) as F[]) if (shows(field)) result[field] = problems[field];
  return result;
}

/**
 * The form itself: the draft, when each problem shows, and Save; the sections render the fields.
 * A field's problem shows once the person has left it (or tried to save or test), and from then
 * on follows every keystroke.
 */
function SettingsFields(props: Omit<SettingsFormProps, 'onForget'>) {
  const { language } = props;
  const { t } = language;
  const drafts = useSettingsDraft(props);
  const { draft, alertDraft, units, check, alertCheck } = drafts;
  const [visited, setVisited] = useState<ReadonlySet<DraftField | AlertField>>(new Set());
  /** After a save attempt every problem shows, visited or not. */
  const [submitted, setSubmitted] = useState(false);
  const [saveNotice, setSaveNotice] = useState<Notice>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const focusInvalid = () => focusAfterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));

  const shows = (field: DraftField | AlertField) => submitted || visited.has(field);
  const errors = onlyShown(check.ok ? {} : check.error, shows);
  const alertErrors = onlyShown(alertCheck.ok ? {} : alertCheck.error, shows);

  const visit = (fields: readonly (DraftField | AlertField)[]) =>
    setVisited((current) => (fields.every((field) => current.has(field)) ? current : new Set([...current, ...fields])));

  const update = (field: DraftField, value: string) => {
    drafts.update(field, value);
    setSaveNotice(null);
  };

  const changeUnits = (value: string) => {
    drafts.changeUnits(value);
    setSaveNotice(null);
  };

  const updateAlert = (field: AlertField, value: string | boolean) => {
    drafts.updateAlert(field, value);
    setSaveNotice(null);
  };

  const controls = fieldControls(
    { draft, invalid: (field) => errors[field] !== undefined, update, leave: (field) => visit([field]) },
    (field) => {
      const found = errors[field];
      return found && fieldProblemText(found, language);
    },
  );

  async function save(event: Event) {
    event.preventDefault();
    setSubmitted(true);
    if (!drafts.save) {
      setSaveNotice({ tone: 'error', text: t('settings.save.notSaved') });
      focusInvalid();
      return;
    }
    try {
      await drafts.save();
      setSaveNotice({ tone: 'ok', text: t('settings.save.saved') });
    } catch {
      setSaveNotice({ tone: 'error', text: t('settings.save.storeFailed') });
    }
  }

  const amount = (kb: Kb) => formatAmount(kb, units, language.locale);

  return (
    <form class="settings-form" ref={formRef} onSubmit={(event) => void save(event)} noValidate>
      <ConnectionSection
        draft={draft}
        controls={controls}
        language={language}
        amount={amount}
        invalid={(fields) => !check.ok && fields.some((field) => check.error[field])}
        update={update}
        visit={visit}
        focusInvalid={focusInvalid}
        onTestConnection={props.onTestConnection}
      />
      <PollingSection controls={controls} t={t} />
      <DisplaySection controls={controls} language={language} onUnits={changeUnits} />
      <AlertRulesFields
        draft={alertDraft}
        errors={alertErrors}
        units={units}
        permission={props.permission}
        language={language}
        onChange={updateAlert}
        onLeave={(field) => visit([field])}
      />
      <AdvancedSection controls={controls} t={t} />
      <div class="actions save-row">
        <button type="submit" class="primary" onMouseDown={keepFocus}>
          {t('settings.save.button')}
        </button>
        <span class={`notice ${saveNotice?.tone ?? ''}`} role="status" data-testid="save-result">
          {saveNotice?.text}
        </span>
      </div>
    </form>
  );
}

/** What the form shows after "Forget token and data". */
const FORGOTTEN: StoredSettings = { settings: DEFAULT_SETTINGS, token: '' };

/**
 * The settings page. Forgetting remounts the form on the defaults (a new `key`),
 * which clears every field, list and message in one step.
 */
export function SettingsForm({ onForget, ...props }: SettingsFormProps) {
  const [start, setStart] = useState({ stored: props.stored, generation: 0 });

  async function forgetAndReset() {
    await onForget();
    setStart((current) => ({ stored: FORGOTTEN, generation: current.generation + 1 }));
  }

  return (
    <main class="settings">
      <h1>{props.language.t('extName')}</h1>
      <SettingsFields key={start.generation} {...props} stored={start.stored} />
      <ForgetData t={props.language.t} onForget={forgetAndReset} />
    </main>
  );
}
