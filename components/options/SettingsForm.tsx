import { useRef, useState } from 'preact/hooks';
import type { Kb } from '@/utils/base/units';
import { formatAmount } from '@/utils/format/traffic-format';
import type { Language } from '@/utils/i18n/i18n';
import type { TestConnectionReply } from '@/utils/messages/messages';
import { intervalNote } from '@/utils/options/interval-note';
import type { ActionShortcut } from '@/utils/options/shortcut';
import type { AlertField } from '@/utils/settings/alert-rules-form';
import type { FieldKey, SettingsDraft } from '@/utils/settings/draft';
import { parsePollInterval } from '@/utils/settings/fields';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { effectiveIntervalText, fieldProblemText } from '@/utils/settings/settings-words';
import { draftWatched } from '@/utils/settings/validate';
import type { ConnectionRequest } from './AccountCard';
import { AccountsSection } from './AccountsSection';
import { AdvancedSection } from './AdvancedSection';
import { AlertRulesFields, type NotificationPermission } from './AlertRulesFields';
import { DisplaySection } from './DisplaySection';
import { fieldControls } from './field-controls';
import { ForgetData } from './ForgetData';
import { keepFocus, useFocusAfterRender, type Notice } from './form-focus';
import { MoneySection } from './MoneySection';
import { PollingSection } from './PollingSection';
import { useSettingsDraft, type SettingsDraftOptions, type StoredSettings } from './useSettingsDraft';

export interface SettingsFormProps extends SettingsDraftOptions {
  readonly language: Language;
  readonly permission: NotificationPermission;
  readonly onTestConnection: (request: ConnectionRequest) => Promise<TestConnectionReply>;
  /** The keyboard shortcut that opens the popup, as the browser has it. */
  readonly shortcut: ActionShortcut;
  readonly shortcutPlace: 'firefox' | 'chromium';
  /** Removes every stored item and tells the background; rejects if the browser refuses. */
  readonly onForget: () => Promise<void>;
}

/** The problems of the fields that may show theirs now. */
function onlyShown<F extends string, P>(problems: Partial<Record<F, P>>, shows: (field: F) => boolean): Partial<Record<F, P>> {
  const result: Partial<Record<F, P>> = {};
  for (const field of Object.keys(problems) as F[]) if (shows(field)) result[field] = problems[field];
  return result;
}

/** The note on the interval polling keeps, for the settings as the draft would save them; null when it is the chosen one. */
function intervalNoteText(draft: SettingsDraft, baseline: Settings, language: Language): string | null {
  const chosen = parsePollInterval(draft.pollIntervalMinutes);
  if (chosen === null) return null;
  const accounts = draft.accounts.map(({ id, label }) => ({ id, label }));
  const note = intervalNote({ ...baseline, accounts, watched: draftWatched(draft), pollIntervalMinutes: chosen });
  return note && effectiveIntervalText(note.watched, note.roundMinutes, note.effective, note.chosen, language);
}

/**
 * The form itself: the draft, when each problem shows, and Save; the sections render the fields.
 * A field's problem shows once the person has left it (or tried to save or test), and from then
 * on follows every keystroke.
 */
function SettingsFields(props: Omit<SettingsFormProps, 'onForget'>) {
  const { language } = props;
  const { t } = language;
  const drafts = useSettingsDraft(props, language.locale);
  const { draft, alertDraft, units, check, alertCheck } = drafts;
  const [visited, setVisited] = useState<ReadonlySet<FieldKey | AlertField>>(new Set());
  /** After a save attempt every problem shows, visited or not. */
  const [submitted, setSubmitted] = useState(false);
  const [saveNotice, setSaveNotice] = useState<Notice>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const focusInvalid = () =>
    focusAfterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]'));

  const shows = (field: FieldKey | AlertField) => submitted || visited.has(field);
  const errors = onlyShown(check.ok ? {} : check.error, shows);
  const alertErrors = onlyShown(alertCheck.ok ? {} : alertCheck.error, shows);

  const visit = (fields: readonly (FieldKey | AlertField)[]) =>
    setVisited((current) => (fields.every((field) => current.has(field)) ? current : new Set([...current, ...fields])));

  /** Any change to the draft: the last save's notice no longer describes the form. */
  const edited = <A extends unknown[], R>(change: (...args: A) => R) => (...args: A): R => {
    setSaveNotice(null);
    return change(...args);
  };
  const update = edited(drafts.update);

  const changeUnits = edited(drafts.changeUnits);
  const updateAlert = edited(drafts.updateAlert);

  const controls = fieldControls(
    { draft, invalid: (field) => errors[field] !== undefined, update, visit },
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
      <AccountsSection
        draft={draft}
        watchedCount={draftWatched(draft).length}
        controls={controls}
        language={language}
        amount={amount}
        baseUrlInvalid={!check.ok && check.error.apiBaseUrl !== undefined}
        focusInvalid={focusInvalid}
        onTestConnection={props.onTestConnection}
        setWatched={edited(drafts.setWatched)}
        addAccount={edited(drafts.addAccount)}
        removeAccount={edited(drafts.removeAccount)}
        addTyped={edited(drafts.addTyped)}
      />
      <PollingSection controls={controls} note={intervalNoteText(draft, drafts.baseline, language)} t={t} />
      <DisplaySection
        draft={draft}
        controls={controls}
        language={language}
        onUnits={changeUnits}
        shortcut={props.shortcut}
        shortcutPlace={props.shortcutPlace}
      />
      <AlertRulesFields
        draft={alertDraft}
        errors={alertErrors}
        units={units}
        permission={props.permission}
        language={language}
        onChange={updateAlert}
        onLeave={(field) => visit([field])}
      />
      <MoneySection draft={draft} units={units} controls={controls} language={language} onSwitch={edited(drafts.switchMoney)} />
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
const FORGOTTEN: StoredSettings = { settings: DEFAULT_SETTINGS, tokens: {} };

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
