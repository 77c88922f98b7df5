import type { Translate } from '@/utils/i18n/i18n';
import type { AccountProblem, StatusBanner } from '@/utils/popup/status-banner';

interface StatusBannerViewProps {
  readonly banner: StatusBanner;
  /** The button's words, in the user's language. */
  readonly openSettings: string;
  readonly onOpenSettings: () => void;
}

export function StatusBannerView({ banner, openSettings, onOpenSettings }: StatusBannerViewProps) {
  return (
    <div class={`banner ${banner.tone}`} role={banner.tone === 'info' ? 'status' : 'alert'}>
      <p>
        <strong>{banner.problem}</strong>
      </p>
      {banner.remedy && <p>{banner.remedy}</p>}
      {banner.needsSettings && (
        <button type="button" onClick={onOpenSettings}>
          {openSettings}
        </button>
      )}
    </div>
  );
}

interface AccountProblemLinesProps {
  readonly problems: readonly AccountProblem[];
  readonly t: Translate;
  readonly onOpenSettings: () => void;
}

/**
 * One short line per failing account, named, at the top: its group below says the rest. The
 * other accounts' figures are current, so this is no banner over all of them.
 */
export function AccountProblemLines({ problems, t, onOpenSettings }: AccountProblemLinesProps) {
  const danger = problems.some((problem) => problem.tone === 'danger');
  return (
    <div class={`account-problems ${danger ? 'danger' : 'warn'}`} role="alert">
      <ul>
        {problems.map((problem) => (
          <li key={problem.account}>{t('aboutAccount', [problem.name, problem.problem])}</li>
        ))}
      </ul>
      {problems.some((problem) => problem.needsSettings) && (
        <button type="button" class="link-button" onClick={onOpenSettings}>
          {t('popup.openSettings')}
        </button>
      )}
    </div>
  );
}
