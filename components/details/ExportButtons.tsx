import type { JSX } from 'preact';
import type { Language } from '@/utils/i18n/i18n';
import { detailsCsv, detailsJson, type DetailsExportInput } from '@/utils/details/export';

// Placeholder for the table engineer's file (details-table): the props the page passes.

export interface ExportButtonsProps {
  readonly input: DetailsExportInput;
  readonly chartCanvas: () => HTMLCanvasElement | null;
  readonly language: Language;
}

export function ExportButtons({ input, chartCanvas, language }: ExportButtonsProps): JSX.Element {
  return (
    <div>
      <button onClick={() => detailsCsv(input, language)}>CSV</button>
      <button onClick={() => detailsJson(input, language)}>JSON</button>
      <button onClick={() => chartCanvas()?.toDataURL()}>PNG</button>
    </div>
  );
}
