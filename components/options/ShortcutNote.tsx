import type { Translate } from '@/utils/i18n/i18n';
import type { ActionShortcut } from '@/utils/options/shortcut';

interface ShortcutNoteProps {
  readonly shortcut: ActionShortcut;
  /** Which browser's page changes shortcuts. */
  readonly place: 'firefox' | 'chromium';
  readonly t: Translate;
}

/** The keyboard shortcut that opens the popup, and where the browser lets the person change it. */
export function ShortcutNote({ shortcut, place, t }: ShortcutNoteProps) {
  const current =
    shortcut.kind === 'set' ? t('settings.shortcut.set', [shortcut.keys]) : shortcut.kind === 'none' ? t('settings.shortcut.none') : t('settings.shortcut.unknown');
  return (
    <div class="field">
      <p class="field-title">{t('settings.shortcut.label')}</p>
      <p class="shortcut" data-testid="shortcut">
        {current} {place === 'firefox' ? t('settings.shortcut.firefox') : t('settings.shortcut.chromium')}
      </p>
    </div>
  );
}
