import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertField } from '@/utils/settings/alert-rules-form';
import type { UserList } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import { selectableOffsets } from '@/utils/time/api-timezone';
import type { Locale } from '@/utils/i18n/locale';
import type { Result } from '@/utils/base/result';
import { CHART_HOURS_CHOICES, DEFAULT_SETTINGS, POLL_INTERVAL_RANGE, PROXY_TYPES, UNITS_CHOICES } from '@/utils/settings/model';
import { splitUsernames, type DraftField, type SettingsDraft } from '@/utils/settings/draft';
import { settingsText, type SettingsText } from '@/utils/settings/settings-text';
import { formatAmount } from '@/utils/format/traffic-format';
import { mbToKb, type Kb } from '@/utils/base/units';
import { AlertRulesFields, type NotificationPermission } from './AlertRulesFields';
import { Field } from './Field';
import { useSettingsDraft, type SettingsDraftOptions, type StoredSettings } from './useSettingsDraft';

export interface SettingsFormProps extends SettingsDraftOptions {
  readonly locale: Locale;
  readonly permission: NotificationPermission;
  readonly onTestConnection: (draft: SettingsDraft) => Promise<Result<UserList, ApiError>>;
  /** Removes every stored item and tells the background; rejects if the browser refuses. */
  readonly onForget: () => Promise<void>;
}

type Notice = { readonly tone: 'ok' | 'error' | 'busy'; readonly text: string } | null;

/** What Test connection needs to be right before it may ask Thordata. */
const CONNECTION_FIELDS: readonly DraftField[] = ['token', 'proxyType', 'apiBaseUrl'];

function browserZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * For buttons pressed right after editing a field. Taking the focus would blur the
 * field, whose message then appears and moves the button before the press ends,
 * so the click is lost. These buttons validate (or leave) everything anyway.
 */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** Moves focus once the next render has put the element in place. */
function useFocusAfterRender(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const find = pending.current;
    pending.current = null;
    find?.()?.focus();
  });
  return (find) => {
    pending.current = find;
  };
}

/** The problems of the fields that may show theirs now. */
function onlyShown<F extends string, P>(problems: Partial<Record<F, P>>, shows: (field: F) => boolean): Partial<Record<F, P>> {
  const result: Partial<Record<F, P>> = {};
  for (const field of Object.keys(problems) as F[]) if (shows(field)) result[field] = problems[field];
  return result;
}

type FieldsProps = Omit<SettingsFormProps, 'locale' | 'onForget'> & { readonly text: SettingsText; readonly locale: Locale };

/**
 * The form itself. A field's problem shows once the person has left it (or tried to
 * save or test), and from then on follows every keystroke.
 */
function SettingsFields(props: FieldsProps) {
  const { text, locale } = props;
  const drafts = useSettingsDraft(props);
  const { draft, alertDraft, units, check, alertCheck } = drafts;
  const [visited, setVisited] = useState<ReadonlySet<DraftField | AlertField>>(new Set());
  /** After a save attempt every problem shows, visited or not. */
  const [submitted, setSubmitted] = useState(false);
  const [showToken, setShowToken] = useState(false);
  const [users, setUsers] = useState<UserList | null>(null);
  const [testNotice, setTestNotice] = useState<Notice>(null);
  const [saveNotice, setSaveNotice] = useState<Notice>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const shows = (field: DraftField | AlertField) => submitted || visited.has(field);
  const errors = onlyShown(check.ok ? {} : check.error, shows);
  const alertErrors = onlyShown(alertCheck.ok ? {} : alertCheck.error, shows);
  const problem = (field: DraftField) => {
    const found = errors[field];
    return found && text.fieldProblem(found);
  };

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

  /** What every control shares: its value, validity, description, and edit and leave handlers. */
  const controlProps = (field: DraftField, describedBy: string | undefined) => ({
    id: field,
    value: draft[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => visit([field]),
  });
  const textProps = (field: DraftField, describedBy: string | undefined) => ({
    ...controlProps(field, describedBy),
    spellcheck: false,
    autocomplete: 'off',
    onInput: (e: Event) => update(field, (e.currentTarget as HTMLInputElement).value),
  });
  const choiceProps = (field: DraftField, describedBy: string | undefined, onChoose = (value: string) => update(field, value)) => ({
    ...controlProps(field, describedBy),
    onChange: (e: Event) => onChoose((e.currentTarget as HTMLSelectElement).value),
  });

  const chosen = new Set(splitUsernames(draft.usernames));
  const toggleUser = (username: string, on: boolean) => {
    const names = splitUsernames(draft.usernames).filter((name) => name !== username);
    update('usernames', (on ? [...names, username] : names).join(', '));
    visit(['usernames']);
  };

  const testing = testNotice?.tone === 'busy';

  async function testConnection() {
    if (testing) return;
    visit(CONNECTION_FIELDS);
    if (!check.ok && CONNECTION_FIELDS.some((field) => check.error[field])) {
      setTestNotice({ tone: 'error', text: text.test.fixFirst });
      focusAfterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return;
    }
    setTestNotice({ tone: 'busy', text: text.test.busy });
    try {
      const result = await props.onTestConnection(draft);
      setUsers(result.ok ? result.value : null);
      setTestNotice(
        result.ok
          ? { tone: 'ok', text: text.test.connected(result.value.users.length) }
          : { tone: 'error', text: text.test.failed(result.error) },
      );
    } catch {
      setUsers(null);
      setTestNotice({ tone: 'error', text: text.test.noAnswer });
    }
  }

  const updateAlert = (field: AlertField, value: string | boolean) => {
    drafts.updateAlert(field, value);
    setSaveNotice(null);
  };

  async function save(event: Event) {
    event.preventDefault();
    setSubmitted(true);
    if (!drafts.save) {
      setSaveNotice({ tone: 'error', text: text.save.notSaved });
      focusAfterRender(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return;
    }
    try {
      await drafts.save();
      setSaveNotice({ tone: 'ok', text: text.save.saved });
    } catch {
      setSaveNotice({ tone: 'error', text: text.save.storeFailed });
    }
  }

  const amount = (kb: Kb) => formatAmount(kb, units, locale);

  return (
    <form class="settings-form" ref={formRef} onSubmit={(event) => void save(event)} noValidate>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{text.sections.account}</h2>
        <Field id="token" label={text.labels.token} error={problem('token')} hint={text.hints.token}>
          {(describedBy) => (
            <div class="token-row">
              {/* Two branches: Preact's types tie `type` to the other attributes an input may have. */}
              {showToken ? (
                <input type="text" {...textProps('token', describedBy)} />
              ) : (
                <input type="password" {...textProps('token', describedBy)} />
              )}
              <button
                type="button"
                aria-controls="token"
                aria-label={showToken ? text.token.hideName : text.token.showName}
                onClick={() => setShowToken(!showToken)}
              >
                {showToken ? text.token.hide : text.token.show}
              </button>
            </div>
          )}
        </Field>
        <Field id="proxyType" label={text.labels.proxyType} error={problem('proxyType')}>
          {(describedBy) => (
            <select {...choiceProps('proxyType', describedBy)}>
              {PROXY_TYPES.map((type) => (
                <option key={type} value={String(type)}>
                  {text.proxyTypes[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="actions">
          {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus. */}
          <button
            type="button"
            onMouseDown={keepFocus}
            onClick={() => void testConnection()}
            aria-disabled={testing ? true : undefined}
          >
            {text.test.button}
          </button>
          <span class={`notice ${testNotice?.tone ?? ''}`} role="status" data-testid="test-result">
            {testNotice?.text}
          </span>
        </div>
        {users && users.users.length > 0 && (
          <fieldset class="user-picker">
            <legend>{text.users.legend}</legend>
            {users.users.map((user, index) => (
              <div key={user.username} class="user-choice">
                <input
                  id={`user-${index}`}
                  type="checkbox"
                  checked={chosen.has(user.username)}
                  aria-describedby={`user-${index}-status`}
                  onChange={(e) => toggleUser(user.username, e.currentTarget.checked)}
                />
                <label for={`user-${index}`} class="user-name">
                  {user.username}
                </label>
                <span id={`user-${index}-status`} class="muted">
                  {text.users.status(user.enabled)}
                  {/* user-list speaks MB, unlike the hourly endpoint. */}
                  {text.users.usage(
                    user.usageMb === null ? null : amount(mbToKb(user.usageMb)),
                    user.trafficLimitMb ? amount(mbToKb(user.trafficLimitMb)) : null,
                  )}
                </span>
              </div>
            ))}
          </fieldset>
        )}
        <Field id="usernames" label={text.labels.usernames} error={problem('usernames')} hint={text.hints.usernames}>
          {(describedBy) => <input type="text" {...textProps('usernames', describedBy)} />}
        </Field>
      </section>

      <section aria-labelledby="polling-heading">
        <h2 id="polling-heading">{text.sections.polling}</h2>
        <Field id="pollIntervalMinutes" label={text.labels.pollInterval} error={problem('pollIntervalMinutes')} hint={text.hints.pollInterval}>
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
        <Field id="apiTimezone" label={text.labels.apiTimezone} error={problem('apiTimezone')} hint={text.hints.apiTimezone}>
          {(describedBy) => (
            <select {...choiceProps('apiTimezone', describedBy)}>
              {selectableOffsets().map((value) => (
                <option key={value} value={value}>
                  {text.timezoneOption(value)}
                </option>
              ))}
              <option value="browser">{text.browserTimezone(browserZoneName())}</option>
            </select>
          )}
        </Field>
      </section>

      <section aria-labelledby="display-heading">
        <h2 id="display-heading">{text.sections.display}</h2>
        <Field id="units" label={text.labels.units} error={problem('units')} hint={text.hints.units}>
          {(describedBy) => (
            <select {...choiceProps('units', describedBy, changeUnits)}>
              {UNITS_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {text.unitsOptions[choice]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="chartHours" label={text.labels.chartHours} error={problem('chartHours')} hint={text.hints.chartHours}>
          {(describedBy) => (
            <select {...choiceProps('chartHours', describedBy)}>
              {CHART_HOURS_CHOICES.map((hours) => (
                <option key={hours} value={String(hours)}>
                  {text.chartHoursOption(hours)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      <AlertRulesFields
        draft={alertDraft}
        errors={alertErrors}
        units={units}
        permission={props.permission}
        text={text}
        onChange={updateAlert}
        onLeave={(field) => visit([field])}
      />

      <section aria-labelledby="advanced-heading">
        <h2 id="advanced-heading">{text.sections.advanced}</h2>
        <Field id="apiBaseUrl" label={text.labels.apiBaseUrl} error={problem('apiBaseUrl')} hint={text.hints.apiBaseUrl}>
          {(describedBy) => <input type="url" {...textProps('apiBaseUrl', describedBy)} />}
        </Field>
      </section>

      <div class="actions save-row">
        <button type="submit" class="primary" onMouseDown={keepFocus}>
          {text.save.button}
        </button>
        <span class={`notice ${saveNotice?.tone ?? ''}`} role="status" data-testid="save-result">
          {saveNotice?.text}
        </span>
      </div>
    </form>
  );
}

/** "Forget token and data": asks in the page first, and wipes only when confirmed. */
function ForgetData({ text, onForget }: { readonly text: SettingsText; readonly onForget: () => Promise<void> }) {
  const [stage, setStage] = useState<'idle' | 'confirming' | 'working'>('idle');
  const [notice, setNotice] = useState<Notice>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const ask = () => {
    setNotice(null);
    setStage('confirming');
    // The safe choice takes the focus, so a second Enter does not wipe anything.
    focusAfterRender(() => cancelRef.current);
  };
  const cancel = () => {
    setStage('idle');
    focusAfterRender(() => startRef.current);
  };
  async function forget() {
    setStage('working');
    try {
      await onForget();
      setNotice({ tone: 'ok', text: text.forget.done });
    } catch {
      setNotice({ tone: 'error', text: text.forget.failed });
    }
    setStage('idle');
    focusAfterRender(() => startRef.current);
  }

  return (
    <section aria-labelledby="data-heading" class="forget">
      <h2 id="data-heading">{text.sections.data}</h2>
      <p class="muted">{text.forget.intro}</p>
      {stage === 'idle' ? (
        <button type="button" ref={startRef} onMouseDown={keepFocus} onClick={ask}>
          {text.forget.button}
        </button>
      ) : (
        <div
          class="confirm"
          role="group"
          aria-labelledby="forget-warning"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && stage === 'confirming') cancel();
          }}
        >
          <p id="forget-warning">{text.forget.warning}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={stage === 'working'} onClick={() => void forget()}>
              {text.forget.confirm}
            </button>
            <button type="button" ref={cancelRef} disabled={stage === 'working'} onClick={cancel}>
              {text.forget.cancel}
            </button>
          </div>
        </div>
      )}
      <p class={`notice ${notice?.tone ?? ''}`} role="status" data-testid="forget-result">
        {notice?.text}
      </p>
    </section>
  );
}

/** What the form shows after "Forget token and data". */
const FORGOTTEN: StoredSettings = { settings: DEFAULT_SETTINGS, token: '' };

/**
 * The settings page. Forgetting remounts the form on the defaults (a new `key`),
 * which clears every field, list and message in one step.
 */
export function SettingsForm({ locale, onForget, ...props }: SettingsFormProps) {
  const text = settingsText(locale);
  const [start, setStart] = useState({ stored: props.stored, generation: 0 });

  async function forgetAndReset() {
    await onForget();
    setStart((current) => ({ stored: FORGOTTEN, generation: current.generation + 1 }));
  }

  return (
    <main class="settings">
      <h1>{text.heading}</h1>
      <SettingsFields
        key={start.generation}
        {...props}
        locale={locale}
        text={text}
        stored={start.stored}
      />
      <ForgetData text={text} onForget={forgetAndReset} />
    </main>
  );
}
