/** How the current hour compares with the previous one, as a short phrase. */
export function describeHourChange(currentKb: number, previousKb: number): string {
  if (previousKb <= 0) return currentKb > 0 ? 'previous hour: none' : 'no traffic in the last two hours';
  const percent = Math.round(((currentKb - previousKb) / previousKb) * 100);
  if (percent === 0) return 'same as the previous hour';
  return `${percent > 0 ? '▲' : '▼'} ${Math.abs(percent)}% vs previous hour`;
}
