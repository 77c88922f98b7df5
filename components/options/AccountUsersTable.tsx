import { useState } from 'preact/hooks';
import type { AccountUsers, ProductUser } from '@/utils/account/account-users';
import { mbToKb, type Kb, type Mb } from '@/utils/base/units';
import type { Language } from '@/utils/i18n/i18n';
import type { WatchedUser } from '@/utils/settings/model';
import { productFailedText, proxyTypeName } from '@/utils/settings/settings-words';
import { Named } from './Field';

interface AccountUsersTableProps {
  readonly account: string;
  readonly users: AccountUsers;
  /** The users watched under this account now. */
  readonly watched: readonly WatchedUser[];
  /** Makes names unique when several accounts are on the page ('' with one). */
  readonly within: string;
  /** The account's place, named ("Account 2"), or '' with one account. */
  readonly accountName: string;
  readonly amount: (kb: Kb) => string;
  readonly language: Language;
  readonly onToggle: (entries: readonly WatchedUser[], on: boolean) => void;
}

function entryOf(account: string, user: ProductUser): WatchedUser {
  return { account, proxyType: user.proxyType, username: user.username };
}

/**
 * The account's proxy users of every product after Test connection: ticking one watches it. A
 * compact table, as an account may list a hundred users per product, with a filter and a way to
 * tick or untick every user it shows.
 */
export function AccountUsersTable({ account, users, watched, within, accountName, amount, language, onToggle }: AccountUsersTableProps) {
  const { t } = language;
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = users.users.filter(
    (user) => needle === '' || user.username.toLowerCase().includes(needle) || proxyTypeName(user.proxyType, t).toLowerCase().includes(needle),
  );
  const isWatched = (user: ProductUser) =>
    watched.some((entry) => entry.proxyType === user.proxyType && entry.username === user.username);
  const filterId = `filter-${account}`;
  const figure = (value: Mb | null) => (value === null ? '' : amount(mbToKb(value)));

  return (
    <div class="user-picker">
      <p class="user-picker-legend">{t('settings.users.legend')}</p>
      {users.failures.map((failure) => (
        <p key={failure.proxyType} class="notice error" data-testid="product-failure">
          {productFailedText(failure.proxyType, failure.error, t)}
        </p>
      ))}
      {users.users.length > 0 && (
        <>
          <div class="user-tools">
            <label for={filterId}>
              <Named text={t('settings.label.filter')} within={within} />
            </label>
            <input
              id={filterId}
              type="search"
              value={filter}
              placeholder={t('settings.users.filterPlaceholder')}
              autocomplete="off"
              spellcheck={false}
              onInput={(e) => setFilter(e.currentTarget.value)}
            />
            <button type="button" onClick={() => onToggle(shown.map((user) => entryOf(account, user)), true)}>
              <Named text={t('settings.users.selectShown')} within={within} />
            </button>
            <button type="button" onClick={() => onToggle(shown.map((user) => entryOf(account, user)), false)}>
              <Named text={t('settings.users.selectNone')} within={within} />
            </button>
            <span class="muted" data-testid="users-shown" aria-live="polite">
              {t('settings.users.shown', [String(shown.length), String(users.users.length)])}
            </span>
          </div>
          <div class="user-table-frame">
            <table class="user-table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.users.user')}</th>
                  <th scope="col">{t('settings.users.product')}</th>
                  <th scope="col">{t('settings.users.status')}</th>
                  <th scope="col" class="num">
                    {t('settings.users.used')}
                  </th>
                  <th scope="col" class="num">
                    {t('settings.users.limit')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((user) => {
                  const id = `pick-${account}-${user.proxyType}-${user.username}`;
                  const product = proxyTypeName(user.proxyType, t);
                  const where = accountName === '' ? product : t('settings.account.productOf', [product, accountName]);
                  return (
                    <tr key={`${user.proxyType}:${user.username}`}>
                      <td>
                        <input
                          id={id}
                          type="checkbox"
                          checked={isWatched(user)}
                          aria-describedby={`${id}-status ${id}-used ${id}-limit`}
                          onChange={(e) => onToggle([entryOf(account, user)], e.currentTarget.checked)}
                        />
                        <label for={id} class="user-name">
                          <Named text={user.username} within={t('settings.account.within', [where])} />
                        </label>
                      </td>
                      <td>{product}</td>
                      <td id={`${id}-status`}>{user.enabled ? t('settings.users.active') : t('settings.users.disabled')}</td>
                      {/* user-list speaks MB, unlike the hourly endpoint; its usage is the total so far. */}
                      <td id={`${id}-used`} class="num">
                        {figure(user.usageMb)}
                      </td>
                      <td id={`${id}-limit`} class="num">
                        {user.trafficLimitMb ? figure(user.trafficLimitMb) : t('settings.users.noLimit')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
