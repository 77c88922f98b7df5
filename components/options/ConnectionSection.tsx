import { useState } from 'preact/hooks';
import type { UserList } from '@/utils/api/answers';
import { errorSentence, type ApiError } from '@/utils/api/errors';
import type { Result } from '@/utils/base/result';
import type { Kb } from '@/utils/base/units';
import type { Language } from '@/utils/i18n/i18n';
import { PROXY_TYPES } from '@/utils/settings/model';
import { splitUsernames, type DraftField, type SettingsDraft } from '@/utils/settings/draft';
import { connectedText, proxyTypeName } from '@/utils/settings/settings-words';
import type { FieldControls } from './field-controls';
import { Field } from './Field';
import { keepFocus, type Notice } from './form-focus';
import { UserPicker } from './UserPicker';

/** What Test connection needs to be right before it may ask Thordata. */
const CONNECTION_FIELDS: readonly DraftField[] = ['token', 'proxyType', 'apiBaseUrl'];

interface ConnectionSectionProps {
  readonly draft: SettingsDraft;
  readonly controls: FieldControls;
  readonly language: Language;
  readonly amount: (kb: Kb) => string;
  /** Whether any of these fields is wrong now, shown or not. */
  readonly invalid: (fields: readonly DraftField[]) => boolean;
  readonly update: (field: DraftField, value: string) => void;
  readonly visit: (fields: readonly DraftField[]) => void;
  /** Takes the focus to the first field marked wrong, once it shows. */
  readonly focusInvalid: () => void;
  readonly onTestConnection: (draft: SettingsDraft) => Promise<Result<UserList, ApiError>>;
}

/** The token, the proxy type and the users to watch, with Test connection to check them and list the users. */
export function ConnectionSection(props: ConnectionSectionProps) {
  const { draft, controls, language, update, visit } = props;
  const { t } = language;
  const { problem, textProps, choiceProps } = controls;
  const [showToken, setShowToken] = useState(false);
  const [users, setUsers] = useState<UserList | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const testing = notice?.tone === 'busy';

  const chosen = new Set(splitUsernames(draft.usernames));
  const toggleUser = (username: string, on: boolean) => {
    const names = splitUsernames(draft.usernames).filter((name) => name !== username);
    update('usernames', (on ? [...names, username] : names).join(', '));
    visit(['usernames']);
  };

  async function testConnection() {
    if (testing) return;
    visit(CONNECTION_FIELDS);
    if (props.invalid(CONNECTION_FIELDS)) {
      setNotice({ tone: 'error', text: t('settings.test.fixFirst') });
      props.focusInvalid();
      return;
    }
    setNotice({ tone: 'busy', text: t('settings.test.busy') });
    try {
      const result = await props.onTestConnection(draft);
      setUsers(result.ok ? result.value : null);
      setNotice(
        result.ok
          ? { tone: 'ok', text: connectedText(result.value.users.length, language) }
          : { tone: 'error', text: errorSentence(result.error, t) },
      );
    } catch {
      setUsers(null);
      setNotice({ tone: 'error', text: t('settings.test.noAnswer') });
    }
  }

  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">{t('settings.section.account')}</h2>
      <Field id="token" label={t('settings.label.token')} error={problem('token')} hint={t('settings.hint.token')}>
        {(describedBy) => (
          <div class="token-row">
            {/* Two branches: Preact's types tie `type` to the other attributes an input may have. */}
            {showToken ? <input type="text" {...textProps('token', describedBy)} /> : <input type="password" {...textProps('token', describedBy)} />}
            <button
              type="button"
              aria-controls="token"
              aria-label={showToken ? t('settings.token.hideName') : t('settings.token.showName')}
              onClick={() => setShowToken(!showToken)}
            >
              {showToken ? t('settings.token.hide') : t('settings.token.show')}
            </button>
          </div>
        )}
      </Field>
      <Field id="proxyType" label={t('settings.label.proxyType')} error={problem('proxyType')}>
        {(describedBy) => (
          <select {...choiceProps('proxyType', describedBy)}>
            {PROXY_TYPES.map((type) => (
              <option key={type} value={String(type)}>
                {proxyTypeName(type, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="actions">
        {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus. */}
        <button type="button" onMouseDown={keepFocus} onClick={() => void testConnection()} aria-disabled={testing ? true : undefined}>
          {t('settings.test.button')}
        </button>
        <span class={`notice ${notice?.tone ?? ''}`} role="status" data-testid="test-result">
          {notice?.text}
        </span>
      </div>
      {users && users.users.length > 0 && <UserPicker users={users} chosen={chosen} amount={props.amount} t={t} onToggle={toggleUser} />}
      <Field id="usernames" label={t('settings.label.usernames')} error={problem('usernames')} hint={t('settings.hint.usernames')}>
        {(describedBy) => <input type="text" {...textProps('usernames', describedBy)} />}
      </Field>
    </section>
  );
}
