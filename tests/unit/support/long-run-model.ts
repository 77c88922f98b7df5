import type { FetchLike } from '@/utils/api/thordata-client';

/**
 * A model of Thordata's API for the long-run simulation, written from the documentation and
 * independent of the extension's code: its own hour keys, its own traffic truth, and faults the
 * simulation chooses request by request. It writes its hours in UTC+8.
 */
export const MODEL_OFFSET_MINUTES = 480;
export const MODEL_TOKEN = 'sim-token-7f3e21';
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
/** The daily endpoint refuses a span, or a start, further than this many days back (10021). */
const MAX_QUERY_DAYS = 180;
/** What the wallet holds, in USD. */
export const MODEL_WALLET_USD = 58.2;

/** A fault for one request: what the API (or the way to it) does instead of answering. */
export type ModelFault =
  | 'rate-limit'
  | 'server-error'
  | 'gateway-page'
  | 'truncated'
  | 'timeout'
  | 'network'
  | 'null-data'
  | 'wrong-shape'
  | 'parameter-error'
  | 'key-rejected'
  /** The worker is stopped while this request is under way: its answer never arrives. */
  | 'worker-stop';

export interface ModelRequest {
  readonly at: number;
  readonly path: string;
  readonly username: string | null;
  readonly fault: ModelFault | null;
}

/** A deterministic number in [0, 1) for a text seed (FNV-1a, then a xorshift round). */
export function unitHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h << 13;
  h ^= h >>> 17;
  h ^= h << 5;
  return (h >>> 0) / 4_294_967_296;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The traffic truth: a series per person (a renamed user keeps their series), KB per hour with a
 * daily rhythm, noise, quiet hours and the odd spike. `hourStart` is a UTC instant.
 */
export function fullHourKb(series: string, hourStart: number): number {
  const hourOfDay = new Date(hourStart).getUTCHours();
  const noise = unitHash(`${series}|${hourStart}`);
  if (noise < 0.06) return 0;
  const base = { ana: 900_000, ben: 2_200_000, cai: 400_000, dora: 650_000 }[series] ?? 500_000;
  const rhythm = 1 + 0.6 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI);
  const spike = unitHash(`spike|${series}|${hourStart}`) < 0.03 ? 6 : 1;
  return round2(base * rhythm * (0.5 + noise) * spike);
}

/** What the API reports for an hour at `now`: nothing before it starts, growing minute by minute inside it. */
export function reportedKb(series: string, hourStart: number, now: number): number {
  if (now < hourStart) return 0;
  const full = fullHourKb(series, hourStart);
  if (now >= hourStart + HOUR_MS) return full;
  return round2((full * (Math.floor((now - hourStart) / MINUTE_MS) + 1)) / 60);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The API's own label of the hour starting at `utcStart`, in UTC+8. */
export function modelHourKey(utcStart: number): string {
  const d = new Date(utcStart + MODEL_OFFSET_MINUTES * MINUTE_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}`;
}

function parseModelHour(text: string | null): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [year, month, day, hour] = match.slice(1).map(Number) as [number, number, number, number];
  return Date.UTC(year, month - 1, day, hour) - MODEL_OFFSET_MINUTES * MINUTE_MS;
}

/** The API's own label of the day starting at `utcStart` (its midnight in UTC+8). */
export function modelDayKey(utcStart: number): string {
  return modelHourKey(utcStart).slice(0, 10);
}

function parseModelDay(text: string | null): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) - MODEL_OFFSET_MINUTES * MINUTE_MS;
}

/** What the daily endpoint reports for the day starting at `dayStart` at `now`: the sum of its hours so far, to the hundredth. */
export function reportedDayKb(series: string, dayStart: number, now: number): number {
  let sum = 0;
  for (let hour = dayStart; hour < dayStart + DAY_MS; hour += HOUR_MS) sum += reportedKb(series, hour, now);
  return round2(sum);
}

export interface ModelApiOptions {
  readonly now: () => number;
  /** The users the API knows now, by name, each with the series of traffic it reports. */
  readonly users: () => ReadonlyMap<string, string>;
  /** Chooses the fault for a request, or none. */
  readonly fault: (request: { path: string; username: string | null }) => ModelFault | null;
}

function json(body: unknown, status = 200) {
  return { status, text: async () => JSON.stringify(body) };
}

const error = (code: number, msg: string) => json({ code, msg, data: null });

export function createModelApi(options: ModelApiOptions) {
  const log: ModelRequest[] = [];
  /** Resolves when a request was left hanging as if the worker had been stopped. */
  let onWorkerStop: () => void = () => undefined;

  function answer(url: URL): ReturnType<typeof json> {
    const params = url.searchParams;
    if (params.get('token') !== MODEL_TOKEN) return error(10013, 'sign error');
    const now = options.now();
    if (url.pathname.endsWith('/proxy-users/usage-statistics-hour')) {
      const username = params.get('username') ?? '';
      const series = options.users().get(username);
      if (series === undefined) return error(10020, 'username does not exist');
      const from = parseModelHour(params.get('from_date'));
      const to = parseModelHour(params.get('to_date'));
      if (from === null || to === null || to < from) return error(10000, 'parameter error');
      const rows = [];
      for (let start = from; start <= to && start <= now; start += HOUR_MS) {
        const usage = reportedKb(series, start, now);
        if (usage > 0) rows.push({ date: modelHourKey(start), usage_traffic: usage });
      }
      return json({
        code: 200,
        msg: 'ok',
        data: { traffic_limit: 0, total_usage_traffic: 0, traffic_balance: 0, query_days: 0, range_usage_traffic: 0, data: rows },
      });
    }
    if (url.pathname.endsWith('/proxy-users/usage-statistics')) {
      const username = params.get('username') ?? '';
      const series = options.users().get(username);
      if (series === undefined) return error(10020, 'username does not exist');
      const from = parseModelDay(params.get('from_date'));
      const to = parseModelDay(params.get('to_date'));
      if (from === null || to === null || to < from) return error(10000, 'parameter error');
      const today = parseModelDay(modelDayKey(now)) ?? now;
      if ((to - from) / DAY_MS + 1 > MAX_QUERY_DAYS || (today - from) / DAY_MS > MAX_QUERY_DAYS) return error(10021, 'query date cannot exceed 180 days');
      const rows = [];
      for (let start = from; start <= to && start <= now; start += DAY_MS) {
        const usage = reportedDayKb(series, start, now);
        if (usage > 0) rows.push({ date: modelDayKey(start), usage_traffic: usage });
      }
      return json({
        code: 200,
        msg: 'ok',
        data: { traffic_limit: 0, total_usage_traffic: 0, traffic_balance: 0, query_days: 0, range_usage_traffic: 0, data: rows.reverse() },
      });
    }
    if (url.pathname.endsWith('/proxy-users/user-list')) {
      const list = [...options.users().keys()].map((username) => ({
        created_time: '2026-01-01 00:00:00',
        username,
        password: 'never-kept',
        status: true,
        traffic_limit: 0,
        usage_traffic: 1234.5,
      }));
      return json({ code: 200, msg: 'ok', data: { limit: 100, remaining_limit: 100 - list.length, user_count: list.length, list } });
    }
    if (url.pathname.endsWith('/account/traffic-balance')) {
      return json({ code: 200, msg: 'ok', data: { traffic_balance: 800_000, expiration_time: '2027-06-30' } });
    }
    if (url.pathname.endsWith('/account/wallet-balance')) {
      return json({ code: 200, msg: 'ok', data: { wallet_balance: MODEL_WALLET_USD } });
    }
    return json({ code: 404, msg: 'not found' }, 404);
  }

  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/^\/api\//, '');
    const username = parsed.searchParams.get('username');
    const fault = options.fault({ path, username });
    log.push({ at: options.now(), path, username, fault });
    switch (fault) {
      case 'worker-stop':
        onWorkerStop();
        return new Promise(() => undefined);
      case 'timeout':
        return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'rate-limit':
        return error(10011, 'too frequent, try later');
      case 'server-error':
        return { status: 502, text: async () => '<html><head><title>502 Bad Gateway</title></head></html>' };
      case 'gateway-page':
        return { status: 200, text: async () => '<!DOCTYPE html><html><title>Just a moment...</title></html>' };
      case 'truncated':
        return { status: 200, text: async () => (await answer(parsed).text()).slice(0, 40) };
      case 'null-data':
        return json({ code: 200, msg: 'ok', data: null });
      case 'wrong-shape':
        return json({ code: 200, msg: 'ok', data: { list: [{ date: 'yesterday', usage: '12 KB' }] } });
      case 'parameter-error':
        return error(10000, 'parameter error');
      case 'key-rejected':
        return error(10014, 'apiKey error');
      case null:
        return answer(parsed);
    }
  };

  return {
    fetch,
    log,
    /** The next request left hanging calls `listener` (one at a time). */
    whenWorkerStops(listener: () => void) {
      onWorkerStop = listener;
    },
  };
}
