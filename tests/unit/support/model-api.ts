import { ENDPOINTS } from '../../../scripts/demo-api/endpoints';
import { DEFAULT_TOKEN } from '../../../scripts/demo-api/server';
import type { FetchLike } from '@/utils/api/thordata-client';

export interface ModelRequest {
  readonly url: URL;
  /** The fake clock's time when the request was made. */
  readonly at: number;
}

export type Override = (request: ModelRequest) => { status: number; body: string } | 'hang' | null;

/**
 * The demo API's endpoints called in-process, on a fake clock: the same answers as
 * the real demo server, without sockets, so engine tests can jump hours at will.
 * `offsetMinutes` is the zone the API writes its hours in (0: UTC, 480: UTC+8).
 */
export function modelApi(now: () => number, offsetMinutes = 0) {
  const requests: ModelRequest[] = [];
  let override: Override = () => null;
  const fetch: FetchLike = async (url, init) => {
    const request = { url: new URL(url), at: now() };
    requests.push(request);
    const forced = override(request);
    if (forced === 'hang') {
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    if (forced) return { status: forced.status, text: async () => forced.body };
    const endpoint = ENDPOINTS.get(request.url.pathname);
    if (!endpoint) return { status: 404, text: async () => '{"code":404,"msg":"not found"}' };
    const served = endpoint(request.url.searchParams, {
      token: DEFAULT_TOKEN,
      offsetMinutes,
      clock: { now },
      shuffleRows: false,
      shuffleSeed: '',
    });
    return { status: 200, text: async () => JSON.stringify(served.answer) };
  };
  return {
    fetch,
    requests,
    hourlyRequests: () => requests.filter((r) => r.url.pathname.endsWith('/usage-statistics-hour')),
    setOverride: (next: Override) => {
      override = next;
    },
  };
}

export const answer = (code: number, msg = 'x') => ({ status: 200, body: JSON.stringify({ code, msg, data: null }) });

/** A well-formed envelope whose data holds nothing to read. */
export const nullData = () => ({ status: 200, body: JSON.stringify({ code: 200, msg: 'ok', data: null }) });
