/**
 * A chart that is drawn anew when the colour scheme changes: every colour it uses comes from the
 * page's theme, read when it is drawn, so a chart drawn in light stays light until drawn again.
 */
export interface SchemeRedrawn<T> {
  /** The chart drawn last. */
  current(): T;
  /** Stops following the scheme and destroys the chart. */
  stop(): void;
}

export function redrawOnSchemeChange<T extends { destroy(): void }>(draw: () => T): SchemeRedrawn<T> {
  let chart = draw();
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => {
    chart.destroy();
    chart = draw();
  };
  scheme.addEventListener('change', onScheme);
  return {
    current: () => chart,
    stop() {
      scheme.removeEventListener('change', onScheme);
      chart.destroy();
    },
  };
}
