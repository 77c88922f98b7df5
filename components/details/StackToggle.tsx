import type { StackBy } from '@/utils/details/series';
import type { Translate } from '@/utils/i18n/i18n';
import { ToggleButton } from './ToggleButton';

/** Bars stacked per watched user or per product; the table's columns follow. */
export function StackToggle({ stackBy, t, onChange }: { stackBy: StackBy; t: Translate; onChange: (stackBy: StackBy) => void }) {
  return (
    <div class="toggles" role="group" aria-label={t('details.stackGroup')}>
      <ToggleButton pressed={stackBy === 'user'} label={t('details.stack.byUser')} onClick={() => onChange('user')} />
      <ToggleButton pressed={stackBy === 'product'} label={t('details.stack.byProduct')} onClick={() => onChange('product')} />
    </div>
  );
}
