import { useRef, useState } from 'preact/hooks';
import type { AccountUsers } from '@/utils/account/account-users';
import { errorSentence } from '@/utils/api/errors';
import type { Kb } from '@/utils/base/units';
import type { Language } from '@/utils/i18n/i18n';
import type { TestConnectionReply } from '@/utils/messages/messages';
import { accountKey, type AccountDraft } from '@/utils/settings/draft';
import { PROXY_TYPES, type WatchedUser } from '@/utils/settings/model';
import { connectedText, fieldProblemText, proxyTypeName } from '@/utils/settings/settings-words';
import { checkToken } from '@/utils/settings/validate';
import { AccountUsersTable } from './AccountUsersTable';
import type { FieldControls } from './field-controls';
import { Field, Named } from './Field';
import { keepFocus, useFocusAfterRender, type Notice } from './form-focus';
import { WatchedEntries } from './WatchedEntries';

/** What Test connection sends the background: the token as typed here, maybe not saved yet. */
export interface ConnectionRequest {
  readonly token: string;
  readonly apiBaseUrl: string;
}

export interface AccountCardProps {
  readonly account: AccountDraft;
  /** 1 for the first account. */
  readonly position: number;
  readonly accountCount: number;
  readonly watched: readonly WatchedUser[];
  readonly apiBaseUrl: string;
  readonly controls: FieldControls;
  readonly language: Language;
  readonly amount: (kb: Kb) => string;
  /** Whether the API base URL is wrong now, shown or not: Test connection needs it. */
  readonly baseUrlInvalid: boolean;
  /** Takes the focus to the first field marked wrong, once it shows. */
  readonly focusInvalid: () => void;
  readonly onTestConnection: (request: ConnectionRequest) => Promise<TestConnectionReply>;
  readonly onWatch: (entries: readonly WatchedUser[], on: boolean) => void;
  /** Adds the names typed for this account; false while one of them is not a username. */
  readonly onAddTyped: () => boolean;
  readonly onRemove: () => void;
}

interface RemoveAccountProps {
  readonly account: string;
  readonly name: string;
  readonly within: string;
  readonly language: Language;
  readonly onRemove: () => void;
}

/** "Remove account": asks in the page first; the account goes from the form, and from storage at Save. */
function RemoveAccount({ account, name, within, language, onRemove }: RemoveAccountProps) {
  const { t } = language;
  const [asking, setAsking] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const cancel = () => {
    setAsking(false);
    focusAfterRender(() => startRef.current);
  };
  if (!asking) {
    return (
      <button
        type="button"
        ref={startRef}
        onMouseDown={keepFocus}
        onClick={() => {
          setAsking(true);
          // The safe choice takes the focus, so a second Enter removes nothing.
          focusAfterRender(() => cancelRef.current);
        }}
      >
        <Named text={t('settings.account.remove')} within={within} />
      </button>
    );
  }
  const warningId = `remove-warning-${account}`;
  return (
    <div class="confirm" role="group" aria-labelledby={warningId} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <p id={warningId}>{t('settings.account.removeWarning', [name])}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={onRemove}>
          {t('settings.account.removeConfirm')}
        </button>
        <button type="button" ref={cancelRef} onClick={cancel}>
          {t('settings.account.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * One account: its name, token, Test connection with the users it lists, names typed for users
 * no list shows, what it watches, and Remove. With one account on the page it shows as a plain
 * group of fields, as the single-account settings did.
 */
export function AccountCard(props: AccountCardProps) {
  const { account, position, accountCount, watched, controls, language } = props;
  const { t } = language;
  const { problem, textProps, choiceProps, visit } = controls;
  const several = accountCount > 1;
  const positionName = t('account.unnamed', [position]);
  const within = several ? t('settings.account.within', [positionName]) : '';
  const keys = {
    label: accountKey('label', account.id),
    token: accountKey('token', account.id),
    typed: accountKey('typed', account.id),
    product: accountKey('product', account.id),
  };
  const [showToken, setShowToken] = useState(false);
  const [users, setUsers] = useState<AccountUsers | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** Test connection was pressed: the token is needed even where Save would not need it. */
  const [tokenWanted, setTokenWanted] = useState(false);
  const testing = notice?.tone === 'busy';

  const ownTokenProblem = tokenWanted ? checkToken(account.token) : null;
  const tokenProblem = problem(keys.token) ?? (ownTokenProblem && !ownTokenProblem.ok ? fieldProblemText(ownTokenProblem.error, language) : undefined);

  async function testConnection() {
    if (testing) return;
    visit([keys.token, 'apiBaseUrl']);
    setTokenWanted(true);
    const token = checkToken(account.token);
    if (!token.ok || props.baseUrlInvalid) {
      setNotice({ tone: 'error', text: t('settings.test.fixFirst') });
      props.focusInvalid();
      return;
    }
    setNotice({ tone: 'busy', text: t('settings.test.busy') });
    try {
      const result = await props.onTestConnection({ token: token.value, apiBaseUrl: props.apiBaseUrl });
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

  const addTyped = () => {
    if (!props.onAddTyped()) visit([keys.typed, keys.product]);
  };

  const fields = (
    <>
      <Field id={keys.label} label={<Named text={t('settings.label.accountLabel')} within={within} />} error={problem(keys.label)} hint={t('settings.hint.accountLabel')}>
        {(describedBy) => <input type="text" placeholder={positionName} {...textProps(keys.label, describedBy)} />}
      </Field>
      <Field id={keys.token} label={<Named text={t('settings.label.token')} within={within} />} error={tokenProblem} hint={t('settings.hint.token')}>
        {(describedBy) => {
          const tokenProps = { ...textProps(keys.token, describedBy), 'aria-invalid': tokenProblem ? true : undefined };
          return (
            <div class="token-row">
              {/* Two branches: Preact's types tie `type` to the other attributes an input may have. */}
              {showToken ? <input type="text" {...tokenProps} /> : <input type="password" {...tokenProps} />}
              <button
                type="button"
                aria-controls={keys.token}
                aria-label={`${showToken ? t('settings.token.hideName') : t('settings.token.showName')}${within}`}
                onClick={() => setShowToken(!showToken)}
              >
                {showToken ? t('settings.token.hide') : t('settings.token.show')}
              </button>
            </div>
          );
        }}
      </Field>
      <div class="actions">
        {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus. */}
        <button type="button" onMouseDown={keepFocus} onClick={() => void testConnection()} aria-disabled={testing ? true : undefined}>
          <Named text={t('settings.test.button')} within={within} />
        </button>
        <span class={`notice ${notice?.tone ?? ''}`} role="status" data-testid={position === 1 ? 'test-result' : `test-result-${position}`}>
          {notice?.text}
        </span>
      </div>
      {users && (
        <AccountUsersTable
          account={account.id}
          users={users}
          watched={watched}
          within={within}
          accountName={several ? positionName : ''}
          amount={props.amount}
          language={language}
          onToggle={props.onWatch}
        />
      )}
      <div class="typed">
        <Field id={keys.typed} label={<Named text={t('settings.label.usernames')} within={within} />} error={problem(keys.typed)} hint={t('settings.hint.usernames')}>
          {(describedBy) => <textarea rows={2} {...textProps(keys.typed, describedBy)} />}
        </Field>
        <div class="typed-row">
          <Field id={keys.product} label={<Named text={t('settings.label.proxyType')} within={within} />} error={problem(keys.product)}>
            {(describedBy) => (
              <select {...choiceProps(keys.product, describedBy)}>
                {PROXY_TYPES.map((type) => (
                  <option key={type} value={String(type)}>
                    {proxyTypeName(type, t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onMouseDown={keepFocus} onClick={addTyped}>
            <Named text={t('settings.typed.add')} within={within} />
          </button>
        </div>
      </div>
      <WatchedEntries account={account.id} watched={watched} language={language} onRemove={(entry) => props.onWatch([entry], false)} />
    </>
  );

  if (!several) return <div class="account-card">{fields}</div>;
  const name = account.label.trim() || positionName;
  return (
    <fieldset class="account-card several">
      <legend>{name}</legend>
      {fields}
      <RemoveAccount account={account.id} name={name} within={within} language={language} onRemove={props.onRemove} />
    </fieldset>
  );
}
