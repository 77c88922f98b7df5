import type { StatusBanner } from '@/utils/popup/status-banner';

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
