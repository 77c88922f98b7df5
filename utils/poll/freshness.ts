import type { PollStatus } from './status';
import type { Settings } from '@/utils/settings/model';
import { MINUTE_MS } from '@/utils/base/durations';
import { effectiveIntervalMinutes } from './interval';

/** Figures count as stale once two poll intervals passed without a successful poll. */
export const STALE_AFTER_INTERVALS = 2;

export function isStale(status: PollStatus, settings: Settings, now: number): boolean {
  if (status.lastSuccessAt === null) return false;
  return now - status.lastSuccessAt > STALE_AFTER_INTERVALS * effectiveIntervalMinutes(settings) * MINUTE_MS;
}
