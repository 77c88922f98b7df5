import type { ApiError } from './api-errors';

/** How polling is going; persisted so every page and every worker wake-up sees it. */
export interface PollStatus {
  readonly lastAttemptAt: number | null;
  /** The last cycle in which every watched user answered. */
  readonly lastSuccessAt: number | null;
  /** When the last request ended, so the next one keeps its distance. */
  readonly lastRequestEndedAt: number | null;
  /** A failure that stopped the last cycle (token, plan, network…), or null. */
  readonly failure: ApiError | null;
  /** Failures of single users (e.g. an unknown username), by user key. */
  readonly userFailures: Readonly<Record<string, ApiError>>;
}

export const INITIAL_STATUS: PollStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastRequestEndedAt: null,
  failure: null,
  userFailures: {},
};
