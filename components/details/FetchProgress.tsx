import { useEffect, useState } from 'preact/hooks';
import { errorSentence } from '@/utils/api/errors';
import { numberFormat } from '@/utils/format/intl-formats';
import type { FetchFailure, RunState } from '@/utils/details/fetch-runner';
import { seriesLabel } from '@/utils/details/labels';
import { joinSentences, type Language } from '@/utils/i18n/i18n';
import type { FetchRefusal } from '@/utils/messages/messages';
import type { Settings } from '@/utils/settings/model';
import { accountLabel, watchKey } from '@/utils/settings/watched';

const REFUSAL_WORDS = {
  'not-watched': 'details.refused.notWatched',
  reversed: 'details.refused.reversed',
  'too-long': 'details.refused.tooLong',
  'too-old': 'details.refused.tooOld',
  'not-complete': 'details.refused.notComplete',
} as const satisfies Record<FetchRefusal, string>;

/** A failure as one line, named by the account or the user it concerns. */
export function failureText(failure: FetchFailure, settings: Settings, language: Language): string {
  const { t } = language;
  const userName = (key: string) => {
    const user = settings.watched.find((entry) => watchKey(entry) === key);
    return user === undefined ? key : seriesLabel({ kind: 'user', key, user }, settings, language);
  };
  switch (failure.kind) {
    case 'account':
      return t('aboutAccount', [
        accountLabel(settings.accounts, failure.account, (n) => t('account.unnamed', [n])),
        joinSentences(t, errorSentence(failure.error, t), t('details.failure.accountSkipped')),
      ]);
    case 'user':
      return t('aboutUser', [userName(failure.key), joinSentences(t, errorSentence(failure.error, t), t('details.failure.userSkipped'))]);
    case 'refused':
      return t('aboutUser', [userName(failure.key), t(REFUSAL_WORDS[failure.reason])]);
    case 'no-answer':
      return t('details.failure.noAnswer');
  }
}

interface FetchProgressProps {
  readonly state: RunState | null;
  /** Days: user-days of the plan stored; hours: users answered. */
  readonly what: 'days' | 'hours';
  readonly settings: Settings;
  readonly language: Language;
  /** The clock the pause counts down against. */
  readonly clock: () => number;
  readonly onCancel: () => void;
  /** Starts again with what is still missing (after Cancel, or after failures). */
  readonly onResume: () => void;
}

/** Ticks each second while paused, so the countdown moves. */
function useSecondTick(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [active]);
}

/**
 * The progress line of a run: how far, paused and when it resumes, what was skipped and why, with
 * Cancel while it runs and a way to go on once it stopped. Nothing once everything is fetched.
 */
export function FetchProgress({ state, what, settings, language, clock, onCancel, onResume }: FetchProgressProps) {
  useSecondTick(state?.kind === 'paused');
  if (state === null || state.kind === 'done') return null;
  const { t, locale } = language;
  const count = (value: number) => numberFormat(locale).format(value);
  const { fetched, needed } = state.progress;
  const line =
    state.kind === 'cancelled'
      ? t('details.progress.cancelled', [count(fetched), count(needed)])
      : state.kind === 'stopped'
        ? t('details.progress.stopped', [count(fetched), count(needed)])
        : t(what === 'days' ? 'details.progress.days' : 'details.progress.hours', [count(fetched), count(needed)]);
  const paused = state.kind === 'paused' ? t('details.progress.paused', [Math.max(0, Math.ceil((state.until - clock()) / 1000))]) : '';
  const running = state.kind === 'running' || state.kind === 'paused';
  return (
    <div class={`fetch-progress${state.failures.length > 0 ? ' with-failures' : ''}`} role="status" data-testid={`fetch-progress-${what}`}>
      <p>
        {paused !== '' && <span class="paused">{paused} </span>}
        {line}{' '}
        {running ? (
          <button type="button" onClick={onCancel}>
            {t('details.progress.cancel')}
          </button>
        ) : (
          <button type="button" onClick={onResume}>
            {t(state.kind === 'cancelled' ? 'details.progress.resume' : 'details.progress.retry')}
          </button>
        )}
      </p>
      {state.failures.length > 0 && (
        <ul class="fetch-failures">
          {state.failures.map((failure, index) => (
            <li key={index}>{failureText(failure, settings, language)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
