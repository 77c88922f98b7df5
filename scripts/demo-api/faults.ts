// Switchable failures, so the extension can be shown and tested against everything the real
// API or the network between may do: error codes, slowness, gateway pages, broken bodies,
// success envelopes without data. A fault can be aimed at some usernames, endpoints and/or
// account tokens.

import { OK_CODE, errorAnswer, type ApiAnswer } from './answers.js';
import { ENDPOINT_NAMES } from './endpoints.js';
import { htmlResponse, jsonResponse, JSON_TYPE, type RawResponse } from './raw-response.js';

export const FAULT_KINDS = [
  'rate-limit',
  'bad-token',
  'key-rejected',
  'unknown-user',
  'slow',
  'server-error',
  'html',
  'truncated',
  'wrong-shape',
  'null-data',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  readonly kind: FaultKind;
  /** Only requests whose `username` names one of these are hit; requests without one never are. */
  readonly usernames?: readonly string[];
  /**
   * Only requests to these endpoints are hit, named relative to the API base (e.g.
   * 'account/traffic-balance'). With `usernames` too, a request must match both.
   */
  readonly endpoints?: readonly string[];
  /**
   * Only requests carrying one of these account tokens are hit, so one account can fail while
   * another keeps working. Combined with the other targets, a request must match them all.
   */
  readonly tokens?: readonly string[];
  /** Only the next N matching requests are hit, then the fault clears itself. */
  readonly times?: number;
  /** For `slow`: how long before the (correct) answer is sent. */
  readonly delayMs?: number;
}

export const DEFAULT_SLOW_DELAY_MS = 30_000;

export type FaultParse = { readonly ok: true; readonly fault: Fault | null } | { readonly ok: false; readonly error: string };

const FAULT_KEYS = new Set(['kind', 'usernames', 'endpoints', 'tokens', 'times', 'delayMs']);

function isFaultKind(value: unknown): value is FaultKind {
  return FAULT_KINDS.some((k) => k === value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyStrings(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const strings = value.filter((v): v is string => typeof v === 'string');
  return strings.length === value.length ? strings : null;
}

/**
 * Validates a fault sent by another process; unknown keys are refused so a typo is not silently
 * ignored. With `accountTokens`, `tokens` must name some of them: a fault aimed at a token no
 * account has could never hit anything the API does not already refuse.
 */
export function parseFault(value: unknown, accountTokens?: readonly string[]): FaultParse {
  if (value === null) return { ok: true, fault: null };
  if (!isRecord(value)) return { ok: false, error: 'fault must be an object or null' };
  const unknownKey = Object.keys(value).find((k) => !FAULT_KEYS.has(k));
  if (unknownKey !== undefined) return { ok: false, error: `unknown fault field: ${unknownKey}` };
  const { kind, usernames, endpoints, tokens, times, delayMs } = value;
  if (!isFaultKind(kind)) return { ok: false, error: `kind must be one of ${FAULT_KINDS.join(', ')}` };
  let fault: Fault = { kind };
  if (usernames !== undefined) {
    const strings = nonEmptyStrings(usernames);
    if (strings === null) return { ok: false, error: 'usernames must be a non-empty array of strings' };
    fault = { ...fault, usernames: strings };
  }
  if (endpoints !== undefined) {
    const valid = `valid endpoints: ${ENDPOINT_NAMES.join(', ')}`;
    const names = nonEmptyStrings(endpoints);
    if (names === null) return { ok: false, error: `endpoints must be a non-empty array of strings; ${valid}` };
    const unknown = names.find((name) => !ENDPOINT_NAMES.includes(name));
    if (unknown !== undefined) return { ok: false, error: `unknown endpoint: ${unknown}; ${valid}` };
    fault = { ...fault, endpoints: names };
  }
  if (tokens !== undefined) {
    const strings = nonEmptyStrings(tokens);
    if (strings === null) return { ok: false, error: 'tokens must be a non-empty array of strings' };
    // The message does not repeat the token: it is a secret, even one mistyped.
    if (accountTokens !== undefined && strings.some((t) => !accountTokens.includes(t))) {
      return { ok: false, error: 'tokens must be tokens of the demo API\'s accounts' };
    }
    fault = { ...fault, tokens: strings };
  }
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
      return { ok: false, error: 'times must be a positive integer' };
    }
    fault = { ...fault, times };
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) {
      return { ok: false, error: 'delayMs must be a non-negative number' };
    }
    fault = { ...fault, delayMs };
  }
  return { ok: true, fault };
}

/** What a fault can target in a request. */
export interface FaultTarget {
  /** The endpoint's path relative to the API base, e.g. 'account/traffic-balance'. */
  readonly endpoint: string;
  /** The usernames the request names (none for endpoints without `username`). */
  readonly usernames: readonly string[];
  /** The request's `token` parameter; null when it has none. */
  readonly token: string | null;
}

function targets(fault: Fault, request: FaultTarget): boolean {
  const { usernames, endpoints, tokens } = fault;
  if (endpoints !== undefined && !endpoints.includes(request.endpoint)) return false;
  if (tokens !== undefined && (request.token === null || !tokens.includes(request.token))) return false;
  if (usernames !== undefined && !request.usernames.some((u) => usernames.includes(u))) return false;
  return true;
}

/** Holds the active fault and counts down its `times`. */
export class FaultSwitch {
  #fault: Fault | null = null;

  set(fault: Fault | null): void {
    this.#fault = fault;
  }

  /** The active fault; `times` shows how many hits are left. */
  current(): Fault | null {
    return this.#fault;
  }

  /**
   * The fault that hits a request to `endpoint` (relative to the API base) naming `usernames`
   * with `token`, counting the hit against `times`; requests it does not target are not counted.
   */
  take(request: FaultTarget): Fault | null {
    const fault = this.#fault;
    if (fault === null || !targets(fault, request)) return null;
    if (fault.times !== undefined) this.#fault = fault.times > 1 ? { ...fault, times: fault.times - 1 } : null;
    return fault;
  }
}

const GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const CHALLENGE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Just a moment...</title></head>' +
  '<body><h1>Checking your browser before accessing openapi.thordata.com</h1>' +
  '<p>This process is automatic. Your browser will redirect to your requested content shortly.</p></body></html>';

// Renames the fields a client looks for and turns amounts into strings with units, the way an
// API revision or a proxy rewriting bodies might: the client must notice instead of showing 0.
const RENAMED_FIELDS: Readonly<Record<string, string>> = {
  data: 'list',
  list: 'items',
  usage_traffic: 'usage',
  traffic_balance: 'balance',
  range_usage_traffic: 'range_usage',
  total_usage_traffic: 'total_usage',
};

function reshape(value: unknown): unknown {
  if (typeof value === 'number') return `${value} KB`;
  if (Array.isArray(value)) return value.map(reshape);
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [RENAMED_FIELDS[k] ?? k, reshape(v)]));
  }
  return value;
}

/** The response for a request hit by `kind` (all but `slow`, which only delays), given its normal answer. */
export function faultResponse(kind: Exclude<FaultKind, 'slow'>, normal: ApiAnswer): RawResponse {
  switch (kind) {
    case 'rate-limit':
      return jsonResponse(errorAnswer(10011));
    case 'bad-token':
      return jsonResponse(errorAnswer(10013));
    case 'key-rejected':
      return jsonResponse(errorAnswer(10014));
    case 'unknown-user':
      return jsonResponse(errorAnswer(10020));
    case 'server-error':
      return htmlResponse(502, GATEWAY_PAGE);
    case 'html':
      return htmlResponse(200, CHALLENGE_PAGE);
    case 'truncated': {
      const full = JSON.stringify(normal);
      return { status: 200, contentType: JSON_TYPE, body: full.slice(0, Math.floor(full.length / 2)), code: null };
    }
    case 'wrong-shape':
      return jsonResponse({ code: OK_CODE, msg: 'ok', data: reshape(normal.data) });
    // A well-formed success envelope around nothing: the client must not read it as zeros.
    case 'null-data':
      return jsonResponse({ code: OK_CODE, msg: 'ok', data: null });
  }
}
