import { useState } from 'preact/hooks';
import type { Language } from '@/utils/i18n/i18n';
import { PRESET_RANGES, type CustomRange, type CustomRangeProblem, type DetailRange, type PresetRange } from '@/utils/details/range';
import type { DayKey } from '@/utils/time/day-keys';
import { formatDay } from '@/utils/time/day-format';
import { ToggleButton } from './ToggleButton';

const PRESET_WORDS = {
  '24h': 'details.range.last24h',
  '7d': 'details.range.last7d',
  '30d': 'details.range.last30d',
  '90d': 'details.range.last90d',
  '180d': 'details.range.last180d',
} as const satisfies Record<PresetRange, string>;

/** A custom range's problem as the user reads it, under the fields. */
export function problemText(problem: CustomRangeProblem, { t, locale }: Language): string {
  switch (problem.kind) {
    case 'not-a-day':
      return t('details.custom.notADay');
    case 'from-after-to':
      return t('details.custom.fromAfterTo');
    case 'in-the-future':
      return t('details.custom.inTheFuture', [formatDay(problem.today, locale)]);
    case 'too-long':
      return t('details.custom.tooLong', [problem.days, problem.maxDays]);
    case 'too-old':
      return t('details.custom.tooOld', [formatDay(problem.earliest, locale)]);
  }
}

interface RangePickerProps {
  readonly range: DetailRange;
  readonly today: DayKey;
  readonly language: Language;
  readonly onPreset: (range: PresetRange) => void;
  /** Checks a custom range: its problem, or null once it is shown. */
  readonly onCustom: (range: CustomRange) => CustomRangeProblem | null;
}

/** The five presets and Custom as toggle buttons; Custom opens a from/to form checked on Show. */
export function RangePicker({ range, today, language, onPreset, onCustom }: RangePickerProps) {
  const { t } = language;
  const custom = typeof range === 'string' ? null : range;
  const [open, setOpen] = useState(custom !== null);
  const [from, setFrom] = useState(custom?.from ?? '');
  const [to, setTo] = useState(custom?.to ?? today);
  const [problem, setProblem] = useState<CustomRangeProblem | null>(null);
  const choose = (preset: PresetRange) => {
    setOpen(false);
    setProblem(null);
    onPreset(preset);
  };
  const show = (event: Event) => {
    event.preventDefault();
    setProblem(onCustom({ from, to }));
  };
  return (
    <div class="range-picker">
      <div class="toggles" role="group" aria-label={t('details.rangeGroup')}>
        {PRESET_RANGES.map((preset) => (
          <ToggleButton key={preset} pressed={!open && range === preset} label={t(PRESET_WORDS[preset])} onClick={() => choose(preset)} />
        ))}
        <ToggleButton pressed={open || custom !== null} label={t('details.range.custom')} onClick={() => setOpen(true)} />
      </div>
      {open && <CustomRangeForm language={language} from={from} to={to} today={today} problem={problem} onFrom={setFrom} onTo={setTo} onSubmit={show} />}
    </div>
  );
}

interface CustomRangeFormProps {
  readonly language: Language;
  readonly from: string;
  readonly to: string;
  readonly today: DayKey;
  readonly problem: CustomRangeProblem | null;
  readonly onFrom: (value: string) => void;
  readonly onTo: (value: string) => void;
  readonly onSubmit: (event: Event) => void;
}

function CustomRangeForm({ language, from, to, today, problem, onFrom, onTo, onSubmit }: CustomRangeFormProps) {
  const { t } = language;
  // A problem names one field where it is that field's: the order is both's, the end's the future.
  const fromInvalid = problem !== null && problem.kind !== 'in-the-future';
  const toInvalid = problem !== null && problem.kind !== 'too-old';
  const described = problem === null ? undefined : 'custom-range-problem';
  return (
    <form class="custom-range" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t('details.custom.legend')}</legend>
        <label>
          {t('details.custom.from')}
          <input type="date" value={from} max={today} aria-invalid={fromInvalid} aria-describedby={described} onInput={(event) => onFrom(event.currentTarget.value)} />
        </label>
        <label>
          {t('details.custom.to')}
          <input type="date" value={to} max={today} aria-invalid={toInvalid} aria-describedby={described} onInput={(event) => onTo(event.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {t('details.custom.show')}
        </button>
      </fieldset>
      {problem !== null && (
        <p id="custom-range-problem" class="field-problem" role="alert">
          {problemText(problem, language)}
        </p>
      )}
    </form>
  );
}
