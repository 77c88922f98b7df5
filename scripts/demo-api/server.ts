// The demo Thordata API over node:http: routes API requests to the endpoints, applies the active
// fault, keeps the request log, and serves the /__demo/ control endpoints for other processes.
// Routing and control share the one server's state (accounts, fault switch, log, clocks); the
// endpoints, faults, log and HTTP plumbing each live in their own file.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  DEFAULT_TOKEN,
  SECOND_TOKEN,
  accountHourUsageKB,
  buildAccounts,
  type DemoAccount,
  type GeneratedUsersSpec,
} from './accounts.js';
import { API_BASE_PATH, ENDPOINTS, endpointName, type Endpoint, type Served } from './endpoints.js';
import { DEFAULT_SLOW_DELAY_MS, FaultSwitch, faultResponse, parseFault, type Fault } from './faults.js';
import { readBody, sendJson, sendRaw } from './http-io.js';
import {
  INTERNAL_ERROR,
  METHOD_NOT_ALLOWED,
  NOT_FOUND,
  jsonResponse,
  type RawResponse,
} from './raw-response.js';
import { RequestLog, type RequestLogEntry, type RequestOutcome, type RequestStats } from './request-log.js';
import { assertWholeHourOffset } from './time-keys.js';

export { API_BASE_PATH, DEFAULT_TOKEN, SECOND_TOKEN };
export const CONTROL_PREFIX = '/__demo/';

export interface DemoApiOptions {
  /** The first account's token (default 'demo-token'); the second account's is SECOND_TOKEN. */
  readonly token?: string;
  /**
   * Generated users for scale runs, per account token: e.g. `[{ token: 'demo-token-3', counts:
   * { 1: 40, 3: 10 } }]`. A token of neither built-in account adds an account with only those users.
   */
  readonly generatedUsers?: readonly GeneratedUsersSpec[];
  /** Offset of the API's hour and day keys from UTC, whole hours (default 0; 480 = UTC+8). */
  readonly timezoneOffsetMinutes?: number;
  /** The data clock, epoch ms (default Date.now): decides the current hour and what exists yet. */
  readonly now?: () => number;
  /** Serve usage rows in a stable scrambled order, as the API does not promise any order. */
  readonly shuffleRows?: boolean;
  /** Interface to listen on (default '127.0.0.1'). */
  readonly host?: string;
  /** Clock for the request log (default Date.now), apart from `now` so a frozen data clock still logs real spacing. */
  readonly wallClock?: () => number;
}

export interface StartedDemoApi {
  readonly port: number;
  /** e.g. 'http://127.0.0.1:8787/api'; the control endpoints live at the same origin under /__demo/. */
  readonly baseUrl: string;
}

/** The body of GET /__demo/requests. */
export interface DemoRequestsReport {
  readonly requests: readonly RequestLogEntry[];
  readonly maxInFlight: number;
}

export interface DemoApi {
  /** Listens on `port` (default 0: any free port). */
  start(port?: number): Promise<StartedDemoApi>;
  /** Cancels slow answers, drops open connections and closes the server. */
  stop(): Promise<void>;
  /** Throws on an invalid fault (e.g. `times: 0`) rather than guessing what was meant. */
  setFault(fault: Fault | null): void;
  currentFault(): Fault | null;
  /** Every account served, in order: the two built-in ones, then those `generatedUsers` added. */
  accounts(): readonly DemoAccount[];
  /**
   * The KB the hourly endpoint serves now for `username` in the hour starting at `hourStartUtcMs`
   * when asked with `token`; throws when the user is not that token's account's.
   */
  expectedHourUsageKB(token: string, username: string, hourStartUtcMs: number): number;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  stats(): RequestStats;
}

function requestUsernames(query: URLSearchParams): string[] {
  return (query.get('username') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

// The token is left out so that the same question gets the same row order whatever token is used.
function shuffleSeed(url: URL): string {
  const pairs = [...url.searchParams]
    .filter(([name]) => name !== 'token' && name !== 'key')
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  return `${url.pathname}?${pairs.join('&')}`;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export function createDemoApi(options: DemoApiOptions = {}): DemoApi {
  const firstToken = options.token ?? DEFAULT_TOKEN;
  const accounts = buildAccounts({ token: firstToken, generatedUsers: options.generatedUsers ?? [] });
  const tokens = accounts.map((a) => a.token);
  const offsetMinutes = options.timezoneOffsetMinutes ?? 0;
  assertWholeHourOffset(offsetMinutes);
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const shuffleRows = options.shuffleRows ?? false;
  const faults = new FaultSwitch();
  const log = new RequestLog(options.wallClock ?? Date.now, tokens);
  const pendingSlow = new Set<() => void>();
  let server: Server | null = null;

  function serve(endpoint: Endpoint, url: URL): Served {
    const arrivedAt = now();
    return endpoint(url.searchParams, {
      token: firstToken,
      accounts,
      offsetMinutes,
      clock: { now: () => arrivedAt },
      shuffleRows,
      shuffleSeed: shuffleSeed(url),
    });
  }

  function answerApi(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const pending = log.begin(url.pathname, url.searchParams);
    let cancelSlow: (() => void) | null = null;
    // 'close' also follows a normal answer, when finish() ignores it. Before an answer it means the
    // client gave up: the log gets an aborted entry and no slow timer is left running.
    res.on('close', () => {
      cancelSlow?.();
      pending.finish({ status: 0, code: null });
    });
    const reply = (raw: RawResponse, extra: Omit<RequestOutcome, 'status' | 'code'> = {}): void => {
      sendRaw(res, raw);
      pending.finish({ status: raw.status, code: raw.code, ...extra });
    };

    const endpoint = ENDPOINTS.get(url.pathname);
    if (!endpoint) return reply(jsonResponse(NOT_FOUND, 404));
    if (req.method !== 'GET') return reply(jsonResponse(METHOD_NOT_ALLOWED, 405));
    let served: Served;
    try {
      served = serve(endpoint, url);
    } catch (error) {
      console.error('demo API failed to answer', url.pathname, error);
      return reply(jsonResponse(INTERNAL_ERROR, 500));
    }
    const normal = jsonResponse(served.answer);
    const rows = served.rows === undefined ? {} : { rows: served.rows };
    const fault = faults.take({
      endpoint: endpointName(url.pathname),
      usernames: requestUsernames(url.searchParams),
      token: url.searchParams.get('token'),
    });
    if (fault === null) return reply(normal, rows);
    if (fault.kind !== 'slow') return reply(faultResponse(fault.kind, served.answer), { fault: fault.kind });

    const cancel = (): void => {
      clearTimeout(timer);
      pendingSlow.delete(cancel);
      pending.finish({ status: 0, code: null, fault: 'slow' });
    };
    const timer = setTimeout(() => {
      pendingSlow.delete(cancel);
      reply(normal, { ...rows, fault: 'slow' });
    }, fault.delayMs ?? DEFAULT_SLOW_DELAY_MS);
    cancelSlow = cancel;
    pendingSlow.add(cancel);
  }

  async function answerControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    switch (`${req.method ?? ''} ${url.pathname}`) {
      case `GET ${CONTROL_PREFIX}requests`: {
        const report: DemoRequestsReport = { requests: log.entries(), maxInFlight: log.stats().maxInFlight };
        return sendJson(res, 200, report);
      }
      case `POST ${CONTROL_PREFIX}requests/clear`:
        log.clear();
        return sendJson(res, 200, { ok: true });
      case `GET ${CONTROL_PREFIX}fault`:
        return sendJson(res, 200, { fault: faults.current() });
      case `POST ${CONTROL_PREFIX}fault`: {
        const body = await readBody(req);
        if (body === null) return sendJson(res, 413, { ok: false, error: 'body too large' });
        let value: unknown;
        try {
          value = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { ok: false, error: 'body must be JSON: a fault object or null' });
        }
        const parsed = parseFault(value, tokens);
        if (!parsed.ok) return sendJson(res, 400, { ok: false, error: parsed.error });
        faults.set(parsed.fault);
        return sendJson(res, 200, { ok: true, fault: parsed.fault });
      }
      default:
        return sendJson(res, 404, NOT_FOUND);
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (!url.pathname.startsWith(CONTROL_PREFIX)) return answerApi(req, res, url);
    answerControl(req, res, url).catch((error: unknown) => {
      console.error('demo control endpoint failed', url.pathname, error);
      if (!res.headersSent) sendJson(res, 500, INTERNAL_ERROR);
      else res.destroy();
    });
  }

  return {
    async start(port = 0) {
      if (server !== null) throw new Error('demo API already started');
      const created = createServer(handle);
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(port, host, () => {
          created.off('error', reject);
          resolve();
        });
      });
      server = created;
      const address = created.address();
      if (address === null || typeof address === 'string') throw new Error('demo API has no TCP address');
      return { port: address.port, baseUrl: `http://${urlHost(host)}:${address.port}${API_BASE_PATH}` };
    },

    async stop() {
      const closing = server;
      if (closing === null) return;
      server = null;
      for (const cancel of [...pendingSlow]) cancel();
      await new Promise<void>((resolve, reject) => {
        closing.close((error) => (error ? reject(error) : resolve()));
        closing.closeAllConnections();
      });
    },

    setFault(fault) {
      const parsed = parseFault(fault, tokens);
      if (!parsed.ok) throw new TypeError(`invalid demo fault: ${parsed.error}`);
      faults.set(parsed.fault);
    },
    currentFault: () => faults.current(),
    accounts: () => accounts,
    expectedHourUsageKB: (token, username, hourStartUtcMs) => {
      const at = now();
      return accountHourUsageKB(accounts, token, username, hourStartUtcMs, { now: () => at });
    },
    requests: () => log.entries(),
    clearRequests: () => log.clear(),
    stats: () => log.stats(),
  };
}
