import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { detailsCsv, detailsJson, exportFileName, type DetailsExportInput } from '@/utils/details/export';
import type { Language } from '@/utils/i18n/i18n';
import './details-table.css';

export interface ExportButtonsProps {
  readonly input: DetailsExportInput;
  /** The chart's canvas for the PNG; null while the chart is not drawn (PNG button disabled). */
  readonly chartCanvas: () => HTMLCanvasElement | null;
  readonly language: Language;
}

/** Long enough for the browser to have read the file; the URL is freed after. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a file through a link with `download`: no `downloads` permission needed. The link is in
 * the document while clicked (Firefox ignores a click on a detached one).
 */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

const TRANSPARENT = /^(transparent|rgba\(.*,\s*0\))$/;

/** The page's background as drawn: the body's, else the root's, else white. */
function pageBackground(): string {
  for (const element of [document.body, document.documentElement]) {
    const colour = getComputedStyle(element).backgroundColor;
    if (colour !== '' && !TRANSPARENT.test(colour)) return colour;
  }
  return '#ffffff';
}

/** The chart over the page's background: a transparent PNG turns unreadable in a dark image viewer. */
function chartImage(chart: HTMLCanvasElement): Promise<Blob | null> {
  const image = document.createElement('canvas');
  image.width = chart.width;
  image.height = chart.height;
  const context = image.getContext('2d');
  if (context === null) return Promise.resolve(null);
  context.fillStyle = pageBackground();
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(chart, 0, 0);
  return new Promise((resolve) => image.toBlob(resolve, 'image/png'));
}

/** CSV, JSON and PNG of the chosen range, as shown; none holds a token (the input has none). */
export function ExportButtons({ input, chartCanvas, language }: ExportButtonsProps): JSX.Element {
  const { t } = language;
  const [pngFailed, setPngFailed] = useState(false);
  const canvas = chartCanvas();

  const saveCsv = () => download(new Blob([detailsCsv(input, language)], { type: 'text/csv;charset=utf-8' }), exportFileName(input, 'csv'));
  const saveJson = () => download(new Blob([detailsJson(input, language)], { type: 'application/json' }), exportFileName(input, 'json'));
  const savePng = async () => {
    const chart = chartCanvas();
    const blob = chart === null ? null : await chartImage(chart);
    setPngFailed(blob === null);
    if (blob !== null) download(blob, exportFileName(input, 'png'));
  };

  return (
    <div class="export-buttons" role="group" aria-label={t('detailsExport.group')}>
      <button type="button" onClick={saveCsv}>
        {t('detailsExport.csv')}
      </button>
      <button type="button" onClick={saveJson}>
        {t('detailsExport.json')}
      </button>
      <button type="button" onClick={() => void savePng()} disabled={canvas === null}>
        {t('detailsExport.png')}
      </button>
      <p class="export-problem" role="status">
        {pngFailed ? t('detailsExport.pngFailed') : ''}
      </p>
    </div>
  );
}
