// What the mock was asked and what it answered, so end-to-end tests can check the extension's
// manners: how many requests, how far apart, never two at once, and that no token leaks.

import type { UsageRow } from './answers.js';
import type { FaultKind } from './faults.js';

export const REDACTED = '[redacted]';

/** Query parameters that carry secrets: the account token, and the SDKs' optional API key. */
const SECRET_PARAMS = ['token', 'key'];
// Too short a "secret" would blank out ordinary text if scrubbed everywhere.
const MIN_SCRUBBED_LENGTH = 4;

/** What the mock answered to one request. */
export interface RequestOutcome {
  /** HTTP status sent; 0 when the connection ended first (client gave up, or the server stopped). */
  readonly status: number;
  /** The body's `code` as a client could read it; null for HTML, cut bodies and aborted requests. */
  readonly code: number | null;
  /** The rows the hourly endpoint served (in the order served), when it served readable JSON. */
  readonly rows?: readonly UsageRow[];
  /** The fault that hit this request, if any. */
  readonly fault?: FaultKind;
}

export interface RequestLogEntry extends RequestOutcome {
  readonly path: string;
  /** The query, first value per name, with secrets replaced by '[redacted]'. */
  readonly params: Readonly<Record<string, string>>;
  /** Wall-clock epoch ms. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface RequestStats {
  readonly count: number;
  /** Most API requests ever in flight at once since the last clear. */
  readonly maxInFlight: number;
}

export interface PendingRequest {
  /** Records the outcome; later calls are ignored, so an abort after the answer changes nothing. */
  finish(outcome: RequestOutcome): void;
}

/**
 * The path and query with every secret removed: the secret parameters' values, and any
 * occurrence of those values (or of `knownSecrets`) elsewhere, e.g. a token pasted as a username.
 */
export function redactRequest(
  path: string,
  query: URLSearchParams,
  knownSecrets: readonly string[],
): { path: string; params: Record<string, string> } {
  // Longest first: one token may contain another ('demo-token' in 'demo-token-2'), and scrubbing
  // the shorter one first would leave the longer one's remainder readable.
  const secrets = [...knownSecrets, ...SECRET_PARAMS.flatMap((name) => query.getAll(name))]
    .filter((s) => s.length >= MIN_SCRUBBED_LENGTH)
    .sort((x, y) => y.length - x.length);
  const scrub = (text: string): string => secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
  // A Map, then fromEntries: a parameter named __proto__ must stay a plain field.
  const params = new Map<string, string>();
  for (const [name, value] of query) {
    const key = scrub(name);
    if (!params.has(key)) params.set(key, SECRET_PARAMS.includes(name) ? REDACTED : scrub(value));
  }
  return { path: scrub(path), params: Object.fromEntries(params) };
}

export class RequestLog {
  readonly #wallClock: () => number;
  readonly #knownSecrets: readonly string[];
  #entries: RequestLogEntry[] = [];
  #inFlight = 0;
  #maxInFlight = 0;

  constructor(wallClock: () => number, knownSecrets: readonly string[]) {
    this.#wallClock = wallClock;
    this.#knownSecrets = knownSecrets;
  }

  begin(rawPath: string, query: URLSearchParams): PendingRequest {
    const { path, params } = redactRequest(rawPath, query, this.#knownSecrets);
    const startedAt = this.#wallClock();
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    let finished = false;
    return {
      finish: (outcome) => {
        if (finished) return;
        finished = true;
        this.#inFlight -= 1;
        this.#entries.push({ path, params, startedAt, endedAt: this.#wallClock(), ...outcome });
      },
    };
  }

  /** Finished requests in the order they arrived. */
  entries(): RequestLogEntry[] {
    return [...this.#entries].sort((a, b) => a.startedAt - b.startedAt);
  }

  stats(): RequestStats {
    return { count: this.#entries.length, maxInFlight: this.#maxInFlight };
  }

  /** Forgets finished requests; requests still in flight keep counting towards the new maximum. */
  clear(): void {
    this.#entries = [];
    this.#maxInFlight = this.#inFlight;
  }
}
