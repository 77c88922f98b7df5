interface MiniTrendProps {
  readonly values: readonly number[];
}

const WIDTH = 48;
const HEIGHT = 16;

/** A tiny line of the last hours; decorative, since the row's text carries the figures. */
export function MiniTrend({ values }: MiniTrendProps) {
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const points = values
    .map((value, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (max > 0 ? (value / max) * (HEIGHT - 2) : 0)).toFixed(1)}`)
    .join(' ');
  return (
    <svg class="mini-trend" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
