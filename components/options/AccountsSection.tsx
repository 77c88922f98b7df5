import { useRef } from 'preact/hooks';
import type { Kb } from '@/utils/base/units';
import type { Language } from '@/utils/i18n/i18n';
import type { TestConnectionReply } from '@/utils/messages/messages';
import { addWatched, type SettingsDraft } from '@/utils/settings/draft';
import { MAX_ACCOUNTS, type WatchedUser } from '@/utils/settings/model';
import { watchedTotalText } from '@/utils/settings/settings-words';
import { sameWatched } from '@/utils/settings/watched';
import { AccountCard, type ConnectionRequest } from './AccountCard';
import type { FieldControls } from './field-controls';
import { keepFocus, useFocusAfterRender } from './form-focus';

interface AccountsSectionProps {
  readonly draft: SettingsDraft;
  /** Every user Save would watch, typed names included. */
  readonly watchedCount: number;
  readonly controls: FieldControls;
  readonly language: Language;
  readonly amount: (kb: Kb) => string;
  readonly baseUrlInvalid: boolean;
  readonly focusInvalid: () => void;
  readonly onTestConnection: (request: ConnectionRequest) => Promise<TestConnectionReply>;
  readonly setWatched: (change: (watched: readonly WatchedUser[]) => readonly WatchedUser[]) => void;
  readonly addAccount: () => void;
  readonly removeAccount: (account: string) => void;
  readonly addTyped: (account: string) => boolean;
}

/** The accounts, each with its token and the users watched under it, and the count of watched users in all. */
export function AccountsSection(props: AccountsSectionProps) {
  const { draft, controls, language } = props;
  const { t } = language;
  const watchedProblem = controls.problem('watched');
  const sectionRef = useRef<HTMLElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const addAccount = () => {
    props.addAccount();
    focusAfterRender(() => [...(sectionRef.current?.querySelectorAll('.account-card') ?? [])].at(-1)?.querySelector('input'));
  };
  const removeAccount = (account: string) => {
    props.removeAccount(account);
    // The confirmation that had the focus is gone with the account.
    focusAfterRender(() => addRef.current);
  };

  const watch = (entries: readonly WatchedUser[], on: boolean) => {
    props.setWatched((watched) =>
      on ? addWatched(watched, entries) : watched.filter((known) => !entries.some((entry) => sameWatched(entry, known))),
    );
    controls.visit(['watched']);
  };

  return (
    <section aria-labelledby="account-heading" ref={sectionRef}>
      <h2 id="account-heading">{t('settings.section.account')}</h2>
      {draft.accounts.map((account, index) => (
        <AccountCard
          key={account.id}
          account={account}
          position={index + 1}
          accountCount={draft.accounts.length}
          watched={draft.watched.filter((entry) => entry.account === account.id)}
          apiBaseUrl={draft.apiBaseUrl}
          controls={controls}
          language={language}
          amount={props.amount}
          baseUrlInvalid={props.baseUrlInvalid}
          focusInvalid={props.focusInvalid}
          onTestConnection={props.onTestConnection}
          onWatch={watch}
          onAddTyped={() => props.addTyped(account.id)}
          onRemove={() => removeAccount(account.id)}
        />
      ))}
      <div class="actions">
        {draft.accounts.length < MAX_ACCOUNTS ? (
          <button type="button" ref={addRef} onMouseDown={keepFocus} onClick={addAccount}>
            {t('settings.account.add')}
          </button>
        ) : (
          <span class="muted">{t('settings.account.atMost', [String(MAX_ACCOUNTS)])}</span>
        )}
      </div>
      <p
        id="watched"
        class="watched-total"
        tabIndex={-1}
        data-invalid={watchedProblem ? 'true' : undefined}
        aria-describedby={watchedProblem ? 'watched-error' : undefined}
        data-testid="watched-total"
      >
        {watchedTotalText(props.watchedCount, language)}
      </p>
      {watchedProblem && (
        <p id="watched-error" class="field-error">
          {watchedProblem}
        </p>
      )}
    </section>
  );
}
