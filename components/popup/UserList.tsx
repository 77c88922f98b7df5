import type { Translate } from '@/utils/i18n/i18n';
import { userFailureWords } from '@/utils/popup/status-banner';
import type { UserRow } from '@/utils/popup/user-rows';
import type { Kb } from '@/utils/base/units';
import { MiniTrend } from './MiniTrend';

interface UserListProps {
  readonly rows: readonly UserRow[];
  readonly focus: string | null;
  readonly t: Translate;
  readonly amount: (kb: Kb) => string;
  readonly onFocus: (key: string | null) => void;
}

/** One row per watched user; choosing one focuses the figures and chart on it. */
export function UserList({ rows, focus, t, amount, onFocus }: UserListProps) {
  return (
    <section class="users" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('popup.users')}</h2>
      <ul>
        <li>
          <button type="button" class="user-row" aria-pressed={focus === null} onClick={() => onFocus(null)}>
            <span class="user-name">{t('popup.allUsers')}</span>
          </button>
        </li>
        {rows.map((row) => {
          const share = Math.round(row.share * 100);
          const label = row.hasFigures ? t('popup.userRowLabel', [row.username, amount(row.currentKb), share]) : row.username;
          return (
            <li key={row.key}>
              <button
                type="button"
                class="user-row"
                aria-pressed={focus === row.key}
                onClick={() => onFocus(focus === row.key ? null : row.key)}
              >
                {/* Screen readers get the whole sentence; the columns are for the eye. */}
                <span class="sr-only">
                  {row.failure ? t('withProblem', [label, userFailureWords(row.failure, t)]) : label}
                </span>
                <span class="user-name" aria-hidden="true">
                  {row.username}
                </span>
                {/* A user whose last request failed keeps its last figures, which the total counts too. */}
                {row.hasFigures ? (
                  <>
                    <span class="user-amount" aria-hidden="true">
                      {amount(row.currentKb)}
                    </span>
                    <span class="user-share muted" aria-hidden="true">
                      {t('popup.shareOfTotal', [share])}
                    </span>
                    <MiniTrend values={row.trend} />
                  </>
                ) : (
                  <span class="user-amount muted" aria-hidden="true">
                    —
                  </span>
                )}
                {row.failure && (
                  <span class="user-warning" aria-hidden="true">
                    {userFailureWords(row.failure, t)}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
