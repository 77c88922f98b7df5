import type { DetailFocus } from '@/utils/details/focus';
import { bucketLabel, seriesLabel } from '@/utils/details/labels';
import type { Language } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/model';
import { watchKey, type WatchKey } from '@/utils/settings/watched';
import { formatDay } from '@/utils/time/day-format';

/** A watched user by its label; one no longer watched by the name its key holds. */
function userName(key: WatchKey, settings: Settings, language: Language): string {
  const user = settings.watched.find((entry) => watchKey(entry) === key);
  return user === undefined ? key.slice(key.indexOf(':') + 1) : seriesLabel({ kind: 'user', key, user }, settings, language);
}

/** What the notification that opened the page was about, in one sentence; empty without a focus. */
export function focusText(focus: DetailFocus, settings: Settings, language: Language): string {
  const { t, locale } = language;
  switch (focus.kind) {
    case 'none':
      return '';
    case 'hour': {
      const hour = bucketLabel(focus.hour, 'hour', settings.apiTimezone, locale);
      return focus.user === null ? t('details.focus.hour', [hour]) : t('details.focus.hourUser', [hour, userName(focus.user, settings, language)]);
    }
    case 'user':
      return t('details.focus.user', [userName(focus.user, settings, language)]);
    case 'budget':
      return t(focus.period === 'daily' ? 'details.focus.budgetDaily' : 'details.focus.budgetCycle', [formatDay(focus.day, locale)]);
  }
}

export function FocusLine({ focus, settings, language }: { focus: DetailFocus; settings: Settings; language: Language }) {
  const text = focusText(focus, settings, language);
  return text === '' ? null : (
    <p class="banner info focus-line" data-testid="focus-line">
      {text}
    </p>
  );
}
