import { useEffect, useRef } from 'preact/hooks';
import type { Language } from '@/utils/i18n/i18n';
import type { DayKey } from '@/utils/time/day-keys';
import { formatDay } from '@/utils/time/day-format';

interface DrillDownProps {
  readonly day: DayKey;
  /** The day's total as text, null while some hour is not known. */
  readonly total: string | null;
  readonly language: Language;
  readonly onBack: () => void;
}

/**
 * The heading of a day's hours, with the way back to the range. Keyboard and screen reader users
 * land on the heading when it opens, as the view under them changed.
 */
export function DrillDown({ day, total, language: { t, locale }, onBack }: DrillDownProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [day]);
  return (
    <section class="drill-down" data-testid="drill-down" aria-labelledby="drill-heading">
      <h2 id="drill-heading" tabIndex={-1} ref={headingRef}>
        {t('details.drill.heading', [formatDay(day, locale)])}
      </h2>
      <button type="button" onClick={onBack}>
        {t('details.drill.back')}
      </button>
      {total !== null && <p>{t('details.drill.total', [total])}</p>}
    </section>
  );
}
