import { MINUTE_MS } from '@/utils/base/durations';
import { effectiveIntervalMinutes, requestsPerCycle } from '@/utils/poll/interval';
import { MIN_REQUEST_GAP_MS } from '@/utils/poll/spacing';
import type { Settings } from '@/utils/settings/model';

/** Why polling will not keep the chosen interval: the facts the settings page states. */
export interface IntervalNote {
  readonly watched: number;
  /** A full round of requests at their spacing, rounded to whole minutes. */
  readonly roundMinutes: number;
  readonly effective: number;
  readonly chosen: number;
}

/** The note for these settings (as the form would save them), or null when polling keeps the chosen interval. */
export function intervalNote(settings: Settings): IntervalNote | null {
  const effective = effectiveIntervalMinutes(settings);
  if (effective === settings.pollIntervalMinutes) return null;
  const roundMinutes = Math.max(1, Math.round((requestsPerCycle(settings) * MIN_REQUEST_GAP_MS) / MINUTE_MS));
  return { watched: settings.watched.length, roundMinutes, effective, chosen: settings.pollIntervalMinutes };
}
