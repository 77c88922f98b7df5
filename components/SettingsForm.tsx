import { useState } from 'preact/hooks';
import {
  draftFromRules,
  validateAlertDraft,
  type AlertErrors,
  type AlertField,
  type AlertRulesDraft,
} from '@/utils/alert-rules';
import type { UserList } from '@/utils/api-answers';
import { errorSentence, type ApiError } from '@/utils/api-errors';
import { selectableOffsets } from '@/utils/api-timezone';
import type { Result } from '@/utils/result';
import {
  PROXY_TYPES,
  POLL_INTERVAL_RANGE,
  splitUsernames,
  validateDraft,
  type DraftField,
  type FieldErrors,
  type Settings,
  type SettingsDraft,
} from '@/utils/settings';
import { formatAmount } from '@/utils/traffic-format';
import { AlertRulesFields, type NotificationPermission } from './AlertRulesFields';
import { Field } from './Field';

export interface SettingsFormProps {
  readonly initialDraft: SettingsDraft;
  readonly permission: NotificationPermission;
  readonly currentSettings: Settings;
  readonly allowLoopback: boolean;
  readonly onTestConnection: (draft: SettingsDraft) => Promise<Result<UserList, ApiError>>;
  readonly onSave: (settings: Settings, token: string) => Promise<void>;
}

type Notice = { readonly tone: 'ok' | 'error' | 'busy'; readonly text: string } | null;

const TIMEZONE_HINTS: Readonly<Record<string, string>> = {
  UTC: 'UTC (default)',
  'UTC+8': 'UTC+8 (China, Singapore)',
};

function timezoneLabel(value: string): string {
  return TIMEZONE_HINTS[value] ?? value;
}

function browserZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function SettingsForm(props: SettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(props.initialDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const units = props.currentSettings.units;
  const [alertDraft, setAlertDraft] = useState<AlertRulesDraft>(() => draftFromRules(props.currentSettings.alerts, units));
  const [alertErrors, setAlertErrors] = useState<AlertErrors>({});
  const [showToken, setShowToken] = useState(false);
  const [users, setUsers] = useState<UserList | null>(null);
  const [testNotice, setTestNotice] = useState<Notice>(null);
  const [saveNotice, setSaveNotice] = useState<Notice>(null);

  const update = (field: DraftField) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setSaveNotice(null);
  };

  /** What every text control shares: its value, validity, description and edit handler. */
  const textProps = (field: DraftField, id: string, describedBy: string | undefined) => ({
    id,
    value: draft[field],
    spellcheck: false,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => update(field)((e.currentTarget as HTMLInputElement).value),
  });

  const chosen = new Set(splitUsernames(draft.usernames));
  const toggleUser = (username: string, on: boolean) => {
    const names = splitUsernames(draft.usernames).filter((name) => name !== username);
    update('usernames')((on ? [...names, username] : names).join(', '));
  };

  async function testConnection() {
    const check = validateDraft(draft, props.allowLoopback, props.currentSettings);
    const relevant: FieldErrors = check.ok
      ? {}
      : { token: check.error.token, proxyType: check.error.proxyType, apiBaseUrl: check.error.apiBaseUrl };
    if (relevant.token || relevant.proxyType || relevant.apiBaseUrl) {
      setErrors((current) => ({ ...current, ...relevant }));
      setTestNotice({ tone: 'error', text: 'Fix the fields marked below first.' });
      return;
    }
    setTestNotice({ tone: 'busy', text: 'Testing the connection…' });
    const result = await props.onTestConnection(draft);
    if (result.ok) {
      setUsers(result.value);
      const count = result.value.users.length;
      setTestNotice({
        tone: 'ok',
        text: `Connected: the token works and this proxy type has ${count} user${count === 1 ? '' : 's'}.`,
      });
    } else {
      setUsers(null);
      setTestNotice({ tone: 'error', text: errorSentence(result.error) });
    }
  }

  const updateAlert = (field: AlertField, value: string | boolean) => {
    setAlertDraft((current) => ({ ...current, [field]: value }));
    setAlertErrors((current) => ({ ...current, [field]: undefined }));
    setSaveNotice(null);
  };

  async function save(event: Event) {
    event.preventDefault();
    const result = validateDraft(draft, props.allowLoopback, props.currentSettings);
    const alerts = validateAlertDraft(alertDraft, units);
    setErrors(result.ok ? {} : result.error);
    setAlertErrors(alerts.ok ? {} : alerts.error);
    if (!result.ok || !alerts.ok) {
      setSaveNotice({ tone: 'error', text: 'Not saved: fix the fields marked above.' });
      return;
    }
    await props.onSave({ ...result.value.settings, alerts: alerts.value }, result.value.token);
    setSaveNotice({ tone: 'ok', text: 'Saved. Fetching the latest figures now.' });
  }

  return (
    <form class="settings" onSubmit={(event) => void save(event)} noValidate>
      <h1>Thordata Usage Monitor</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <Field id="token" label="API token" error={errors.token} hint="Thordata Dashboard → My Account. Stored only in this browser.">
          {(describedBy) => (
            <div class="token-row">
              {showToken ? (
                <input type="text" autocomplete="off" {...textProps('token', 'token', describedBy)} />
              ) : (
                <input type="password" autocomplete="off" {...textProps('token', 'token', describedBy)} />
              )}
              <button type="button" aria-pressed={showToken} onClick={() => setShowToken(!showToken)}>
                {showToken ? 'Hide' : 'Show'}
              </button>
            </div>
          )}
        </Field>
        <Field id="proxyType" label="Proxy type" error={errors.proxyType}>
          {(describedBy) => (
            <select
              id="proxyType"
              value={draft.proxyType}
              aria-describedby={describedBy}
              onChange={(e) => update('proxyType')(e.currentTarget.value)}
            >
              {PROXY_TYPES.map((type) => (
                <option key={type.value} value={String(type.value)}>
                  {type.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="actions">
          <button type="button" onClick={() => void testConnection()} disabled={testNotice?.tone === 'busy'}>
            Test connection
          </button>
          <span class={`notice ${testNotice?.tone ?? ''}`} role="status" data-testid="test-result">
            {testNotice?.text}
          </span>
        </div>
        {users && users.users.length > 0 && (
          <fieldset class="user-picker">
            <legend>Proxy users in this account: tick the ones to watch</legend>
            {users.users.map((user) => (
              <label key={user.username} class="user-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(user.username)}
                  onChange={(e) => toggleUser(user.username, e.currentTarget.checked)}
                />
                <span class="user-name">{user.username}</span>
                <span class="muted">
                  {user.enabled ? 'active' : 'disabled'}
                  {user.usageKb !== null ? ` · used ${formatAmount(user.usageKb, props.currentSettings.units)}` : ''}
                  {user.trafficLimitKb ? ` of ${formatAmount(user.trafficLimitKb, props.currentSettings.units)}` : ''}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <Field
          id="usernames"
          label="Usernames"
          error={errors.usernames}
          hint="The proxy users (sub-accounts) to watch, separated by commas."
        >
          {(describedBy) => (
            <input type="text" autocomplete="off" {...textProps('usernames', 'usernames', describedBy)} />
          )}
        </Field>
      </section>

      <section aria-labelledby="polling-heading">
        <h2 id="polling-heading">Polling</h2>
        <Field
          id="pollInterval"
          label="Poll interval (minutes)"
          error={errors.pollIntervalMinutes}
          hint="How often to ask Thordata; each watched user costs one request."
        >
          {(describedBy) => (
            <input
              type="number"
              inputMode="numeric"
              min={POLL_INTERVAL_RANGE.min}
              max={POLL_INTERVAL_RANGE.max}
              step={1}
              {...textProps('pollIntervalMinutes', 'pollInterval', describedBy)}
            />
          )}
        </Field>
        <Field
          id="apiTimezone"
          label="API timezone"
          error={errors.apiTimezone}
          hint="The timezone of the hours in Thordata's answers. Thordata does not document it; UTC and UTC+8 are the likely ones."
        >
          {(describedBy) => (
            <select
              id="apiTimezone"
              value={draft.apiTimezone}
              aria-describedby={describedBy}
              onChange={(e) => update('apiTimezone')(e.currentTarget.value)}
            >
              {selectableOffsets().map((value) => (
                <option key={value} value={value}>
                  {timezoneLabel(value)}
                </option>
              ))}
              <option value="browser">Browser’s timezone ({browserZoneName()})</option>
            </select>
          )}
        </Field>
      </section>

      <section aria-labelledby="advanced-heading">
        <h2 id="advanced-heading">Advanced</h2>
        <Field
          id="apiBaseUrl"
          label="API base URL"
          error={errors.apiBaseUrl}
          hint="The token is sent only here. Leave it as https://openapi.thordata.com/api unless told otherwise."
        >
          {(describedBy) => (
            <input type="url" {...textProps('apiBaseUrl', 'apiBaseUrl', describedBy)} />
          )}
        </Field>
      </section>

      <AlertRulesFields
        draft={alertDraft}
        errors={alertErrors}
        units={units}
        permission={props.permission}
        onChange={updateAlert}
      />

      <div class="actions save-row">
        <button type="submit" class="primary">
          Save
        </button>
        <span class={`notice ${saveNotice?.tone ?? ''}`} role="status" data-testid="save-result">
          {saveNotice?.text}
        </span>
      </div>
    </form>
  );
}
