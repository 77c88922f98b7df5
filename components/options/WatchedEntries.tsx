import type { Language } from '@/utils/i18n/i18n';
import type { WatchedUser } from '@/utils/settings/model';
import { proxyTypeName, watchedCountsText } from '@/utils/settings/settings-words';
import { Named } from './Field';

interface WatchedEntriesProps {
  readonly account: string;
  /** This account's watched users, picked or typed. */
  readonly watched: readonly WatchedUser[];
  readonly language: Language;
  readonly onRemove: (entry: WatchedUser) => void;
}

/**
 * What an account watches: the count per product at a glance, and every entry, folded away,
 * with a way to remove it (typed names in particular, which no list shows).
 */
export function WatchedEntries({ account, watched, language, onRemove }: WatchedEntriesProps) {
  const { t } = language;
  const summary = watchedCountsText(watched, language);
  if (watched.length === 0) {
    return (
      <p class="muted watched-summary" data-testid={`watched-${account}`}>
        {summary}
      </p>
    );
  }
  return (
    <details class="watched-entries">
      <summary data-testid={`watched-${account}`}>{summary}</summary>
      <ul class="watched-list">
        {watched.map((entry) => {
          const product = proxyTypeName(entry.proxyType, t);
          return (
            <li key={`${entry.proxyType}:${entry.username}`}>
              <span class="user-name">{entry.username}</span>
              <span class="muted">{product}</span>
              <button type="button" class="link-button" onClick={() => onRemove(entry)}>
                <Named text={t('settings.watched.remove')} within={t('settings.account.within', [t('settings.account.productOf', [entry.username, product])])} />
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
