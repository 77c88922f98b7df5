import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PLAUSIBLE_AMOUNT,
  parseAccountBalance,
  parseDailyUsage,
  parseHourlyUsage,
  parseUserList,
  parseWalletBalance,
  readEnvelope,
} from '@/utils/api/answers';
import { errorSentence, type ApiError } from '@/utils/api/errors';
import { UTC } from '@/utils/time/api-timezone';
import { hourKeyAt } from '@/utils/time/hour-keys';
import { CHINESE, ENGLISH } from '../support/languages';

/** The documentation's own example answer, verbatim (thordata-api.md). */
const DOCUMENTED_EXAMPLE = `{"code":200,"data":{"traffic_limit":0,"total_usage_traffic":332,"traffic_balance":0,
 "query_days":35,"range_usage_traffic":355509206,
 "data":[{"date":"2025-07-01 00","usage_traffic":4719123.98},
         {"date":"2025-07-01 01","usage_traffic":14928258.7},
         {"date":"2025-07-01 02","usage_traffic":12096429.29}]},"msg":"ok"}`;

const envelope = (code: unknown, msg = '', data: unknown = null) => JSON.stringify({ code, data, msg });

function errorOf(status: number, body: string, username: string | null = null): ApiError {
  const result = readEnvelope(status, body, username);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function hourly(rows: unknown, extra: Record<string, unknown> = {}) {
  return parseHourlyUsage({ traffic_limit: 0, traffic_balance: 0, total_usage_traffic: 0, ...extra, data: rows });
}

describe('readEnvelope', () => {
  it('trusts the body code over an HTTP 200', () => {
    expect(errorOf(200, envelope(10013, 'sign error'))).toEqual({ kind: 'auth', code: 10013, apiMessage: 'sign error' });
  });

  it('reports a server failure for an HTTP 500 HTML page', () => {
    expect(errorOf(500, '<html><body>Internal Server Error</body></html>')).toMatchObject({ kind: 'server', code: 500 });
  });

  // A body that is not Thordata's envelope means the way to the API is broken (a gateway, a
  // captive portal), which concerns every request: `unreadable`, unlike a bad `data` (`malformed`).
  it('calls an HTML page with HTTP 200 unreadable and says it was HTML', () => {
    const error = errorOf(200, '<!DOCTYPE html><html><head><title>Login</title></head></html>');
    expect(error.kind).toBe('unreadable');
    expect(error.kind === 'unreadable' && error.detail).toEqual({ kind: 'html-page' });
  });

  it('calls truncated JSON, an empty body and plain text unreadable', () => {
    const truncated = DOCUMENTED_EXAMPLE.slice(0, 60);
    expect(errorOf(200, truncated)).toEqual({ kind: 'unreadable', detail: { kind: 'incomplete-json' } });
    expect(errorOf(200, '')).toEqual({ kind: 'unreadable', detail: { kind: 'empty-body' } });
    expect(errorOf(200, 'Service Unavailable')).toEqual({ kind: 'unreadable', detail: { kind: 'not-json' } });
  });

  it('calls JSON without a result code unreadable', () => {
    expect(errorOf(200, '{"data":{}}').kind).toBe('unreadable');
    expect(errorOf(200, '[1,2]').kind).toBe('unreadable');
    expect(errorOf(200, 'null').kind).toBe('unreadable');
  });

  it('accepts the code as a numeric string', () => {
    expect(readEnvelope(200, envelope('200', 'ok', { a: 1 }), null)).toEqual({ ok: true, value: { a: 1 } });
    expect(errorOf(200, envelope('10011'))).toEqual({ kind: 'rate-limited', code: 10011 });
  });

  it('falls back to the HTTP status when the body has no error code', () => {
    expect(errorOf(503, envelope(200, 'ok', {}))).toMatchObject({ kind: 'server', code: 503 });
    expect(errorOf(401, '')).toMatchObject({ kind: 'auth', code: 401 });
  });

  it('returns the data of a successful answer', () => {
    const result = readEnvelope(200, DOCUMENTED_EXAMPLE, 'alice');
    expect(result.ok && result.value).toMatchObject({ traffic_limit: 0, query_days: 35 });
  });
});

describe('error codes from the documentation', () => {
  const documented: [number, ApiError['kind']][] = [
    [10000, 'bad-request'],
    [10001, 'server'],
    [10011, 'rate-limited'],
    [10013, 'auth'],
    [10014, 'auth'],
    [10017, 'plan'],
    [10020, 'unknown-user'],
    [10021, 'bad-request'],
  ];

  it.each(documented)('body code %i means %s, whatever the HTTP status', (code, kind) => {
    expect(errorOf(200, envelope(code, 'msg'), 'alice')).toMatchObject({ kind, code });
    expect(errorOf(400, envelope(code, 'msg'), 'alice')).toMatchObject({ kind, code });
  });

  it('names the unknown user (10020)', () => {
    const error = errorOf(200, envelope(10020, 'username does not exist'), 'mobile_bob');
    expect(error).toEqual({ kind: 'unknown-user', code: 10020, username: 'mobile_bob' });
    expect(errorSentence(error, ENGLISH.t)).toContain('mobile_bob');
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [402, 'plan'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [599, 'server'],
  ] as const)('HTTP %i without a body code means %s', (status, kind) => {
    expect(errorOf(status, 'not json')).toMatchObject({ kind, code: status });
    expect(errorOf(status, JSON.stringify({ data: null }))).toMatchObject({ kind, code: status });
    expect(errorOf(200, envelope(status))).toMatchObject({ kind, code: status });
  });

  it('shows the code and message for the purchase and sub-user codes', () => {
    const others = [10002, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010, 10012, 10015, 10016, 10018, 10019];
    for (const code of others) {
      const error = errorOf(200, envelope(code, 'sub-user limit reached'));
      expect(error).toEqual({ kind: 'bad-request', code, apiMessage: 'sub-user limit reached' });
      expect(errorSentence(error, ENGLISH.t)).toContain(String(code));
      expect(errorSentence(error, ENGLISH.t)).toContain('sub-user limit reached');
    }
  });
});

describe('figures beyond a plausible bound', () => {
  it('rejects them like NaN, so no sum turns into Infinity', () => {
    const hour = (usage: unknown) => parseHourlyUsage({ data: [{ date: '2025-07-01 00', usage_traffic: usage }] });
    expect(hour(1e300)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(hour('1e300')).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(hour(MAX_PLAUSIBLE_AMOUNT + 1)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(hour(MAX_PLAUSIBLE_AMOUNT)).toMatchObject({ ok: true });
    expect(parseAccountBalance({ traffic_balance: 1e300 })).toMatchObject({ ok: false });
    expect(parseUserList({ list: [{ username: 'a', traffic_limit: 1e300, usage_traffic: 5 }] })).toMatchObject({
      ok: true,
      value: { users: [{ username: 'a', trafficLimitMb: null, usageMb: 5 }] },
    });
  });
});

describe('parseHourlyUsage', () => {
  it('reads the documentation example as exactly its three rows', () => {
    const data = readEnvelope(200, DOCUMENTED_EXAMPLE, 'alice');
    expect(data.ok).toBe(true);
    expect(data.ok && parseHourlyUsage(data.value)).toEqual({
      ok: true,
      value: {
        rows: [
          { hour: '2025-07-01 00', kb: 4719123.98 },
          { hour: '2025-07-01 01', kb: 14928258.7 },
          { hour: '2025-07-01 02', kb: 12096429.29 },
        ],
        trafficLimitKb: 0,
        trafficBalanceKb: 0,
        totalUsageKb: 332,
      },
    });
  });

  it('accepts numeric strings', () => {
    const result = hourly([{ date: '2025-07-01 00', usage_traffic: '123.45' }, { date: '2025-07-01 01', usage_traffic: ' 7 ' }]);
    expect(result.ok && result.value.rows).toEqual([
      { hour: '2025-07-01 00', kb: 123.45 },
      { hour: '2025-07-01 01', kb: 7 },
    ]);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative number', -1],
    ['a negative string', '-1'],
    ['null', null],
    ['a non-numeric string', '12 KB'],
    ['a boolean', true],
    ['a numeric string too large to be finite', '9'.repeat(400)],
  ])('rejects the whole answer for a usage of %s', (_, usage) => {
    const result = hourly([{ date: '2025-07-01 00', usage_traffic: 5 }, { date: '2025-07-01 01', usage_traffic: usage }]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('rejects a row without usage', () => {
    expect(hourly([{ date: '2025-07-01 00' }])).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it.each(['2025-07-01 24', '2025/07/01 00', '2025-07-01', '2025-02-30 10', '2025-07-01T00', ''])(
    'rejects the bad date %j',
    (date) => {
      expect(hourly([{ date, usage_traffic: 1 }])).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    },
  );

  it('rejects an answer whose rows field is renamed or missing', () => {
    const rows = [{ date: '2025-07-01 00', usage_traffic: 1 }];
    expect(parseHourlyUsage({ list: rows })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(parseHourlyUsage({ data: { rows } })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(parseHourlyUsage(null)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(parseHourlyUsage(rows)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('sorts unordered rows by hour', () => {
    const result = hourly([
      { date: '2025-07-02 00', usage_traffic: 3 },
      { date: '2025-07-01 09', usage_traffic: 2 },
      { date: '2025-06-30 23', usage_traffic: 1 },
    ]);
    expect(result.ok && result.value.rows.map((row) => row.hour)).toEqual(['2025-06-30 23', '2025-07-01 09', '2025-07-02 00']);
  });

  it('keeps the larger value of a repeated hour instead of summing', () => {
    const result = hourly([
      { date: '2025-07-01 05', usage_traffic: 100 },
      { date: '2025-07-01 05', usage_traffic: 250 },
      { date: '2025-07-01 05', usage_traffic: 40 },
    ]);
    expect(result.ok && result.value.rows).toEqual([{ hour: '2025-07-01 05', kb: 250 }]);
  });

  it('reports missing account figures as null, not 0', () => {
    const result = parseHourlyUsage({ data: [] });
    expect(result).toEqual({ ok: true, value: { rows: [], trafficLimitKb: null, trafficBalanceKb: null, totalUsageKb: null } });
  });

  it('returns exactly the rows it was given, sorted by hour', () => {
    const hourKey = fc
      .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:00:00Z') })
      .map((ms) => hourKeyAt(ms, UTC));
    const amount = fc.oneof(
      fc.double({ min: 0, max: 1e12, noNaN: true }),
      fc.integer({ min: 0, max: 1e9 }).map((cents) => (cents / 100).toFixed(2)),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ date: hourKey, usage_traffic: amount }), { selector: (row) => row.date }), (input) => {
        const result = hourly(input);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const expected = new Map(input.map((row) => [row.date, Number(row.usage_traffic)]));
        expect(new Map(result.value.rows.map((row) => [row.hour, row.kb]))).toEqual(expected);
        const hours = result.value.rows.map((row) => row.hour);
        expect(hours).toEqual([...hours].sort());
      }),
    );
  });
});

describe('parseUserList', () => {
  const list = {
    limit: 10,
    remaining_limit: 8,
    user_count: 2,
    list: [
      { created_time: '2025-06-01 10:00:00', username: 'alice', password: 'hunter2-secret', status: true, traffic_limit: 1048576, usage_traffic: '2048.5' },
      { created_time: '2025-06-02 10:00:00', username: 'bob', password: 'p@ss', status: false, traffic_limit: 0, usage_traffic: 0 },
    ],
  };

  it('reads limits and usage as the MB user-list documents, without ever keeping a password', () => {
    const result = parseUserList(list);
    expect(result).toEqual({
      ok: true,
      value: {
        users: [
          { username: 'alice', enabled: true, trafficLimitMb: 1048576, usageMb: 2048.5 },
          { username: 'bob', enabled: false, trafficLimitMb: 0, usageMb: 0 },
        ],
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/password|hunter2|p@ss/);
  });

  it('rejects a list without usernames', () => {
    expect(parseUserList({ list: [{ username: '  ' }] })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(parseUserList({ users: [] })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });
});

describe('parseAccountBalance', () => {
  it('reads the balance in MB and the expiry date', () => {
    expect(parseAccountBalance({ traffic_balance: 5120.5, expiration_time: '2025-12-31' })).toEqual({
      ok: true,
      value: { balanceMb: 5120.5, expiresOn: '2025-12-31' },
    });
    expect(parseAccountBalance({ traffic_balance: '20', expiration_time: '2026-01-15 23:59:59' })).toEqual({
      ok: true,
      value: { balanceMb: 20, expiresOn: '2026-01-15' },
    });
  });

  it('treats an unreadable expiry as unknown and a missing balance as malformed', () => {
    expect(parseAccountBalance({ traffic_balance: 1, expiration_time: 'never' })).toEqual({ ok: true, value: { balanceMb: 1, expiresOn: null } });
    expect(parseAccountBalance({ expiration_time: '2025-12-31' })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(parseAccountBalance({ traffic_balance: -3 })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });
});

describe('parseDailyUsage', () => {
  const daily = (rows: unknown) => parseDailyUsage({ traffic_limit: 0, traffic_balance: 0, total_usage_traffic: 0, data: rows });

  it('reads days in KB, numeric strings too, sorted whatever order they came in', () => {
    const result = daily([
      { date: '2025-07-03', usage_traffic: '12.5' },
      { date: '2025-07-01', usage_traffic: 4719123.98 },
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [
          { day: '2025-07-01', kb: 4719123.98 },
          { day: '2025-07-03', kb: 12.5 },
        ],
      },
    });
  });

  it('answers no rows for a span without traffic: the days left out had none', () => {
    expect(daily([])).toEqual({ ok: true, value: { rows: [] } });
  });

  it.each([
    ['NaN', Number.NaN],
    ['a negative number', -1],
    ['a negative string', '-3'],
    ['null', null],
    ['a figure with its unit', '12 KB'],
    ['an implausible figure', MAX_PLAUSIBLE_AMOUNT * 10],
  ])('rejects the whole answer for a usage of %s', (_, usage) => {
    const result = daily([{ date: '2025-07-01', usage_traffic: 5 }, { date: '2025-07-02', usage_traffic: usage }]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'malformed', detail: { kind: 'invalid-figure', date: '2025-07-02' } } });
  });

  it.each(['2025-07-01 00', '2025/07/01', '2025-02-30', '2025-13-01', 'yesterday', ''])('rejects the date %j, which names no day', (date) => {
    expect(daily([{ date, usage_traffic: 1 }])).toMatchObject({ ok: false, error: { kind: 'malformed', detail: { kind: 'invalid-day-row-date' } } });
  });

  it('keeps the larger value of a repeated day instead of counting it twice', () => {
    const result = daily([
      { date: '2025-07-01', usage_traffic: 100 },
      { date: '2025-07-01', usage_traffic: 300 },
    ]);
    expect(result.ok && result.value.rows).toEqual([{ day: '2025-07-01', kb: 300 }]);
  });

  it('rejects an answer without its rows', () => {
    expect(parseDailyUsage({ list: [] })).toMatchObject({ ok: false, error: { kind: 'malformed', detail: { kind: 'no-daily-rows' } } });
    expect(parseDailyUsage(null)).toMatchObject({ ok: false, error: { kind: 'malformed', detail: { kind: 'no-data-object' } } });
  });

  it('returns exactly the days it was given, sorted', () => {
    const dayKey = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((ms) => hourKeyAt(ms, UTC).slice(0, 10));
    const amount = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1e9 }).map((cents) => (cents / 100).toFixed(2)));
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ date: dayKey, usage_traffic: amount }), { selector: (row) => row.date }), (input) => {
        const result = daily(input);
        if (!result.ok) throw new Error('expected the rows');
        expect(new Map(result.value.rows.map((row) => [row.day, row.kb]))).toEqual(new Map(input.map((row) => [row.date, Number(row.usage_traffic)])));
        const dayKeys = result.value.rows.map((row) => row.day);
        expect(dayKeys).toEqual([...dayKeys].sort());
      }),
    );
  });
});

describe('parseWalletBalance', () => {
  it('reads the documented wallet_balance, and the balance the SDKs read when that is all there is', () => {
    expect(parseWalletBalance({ wallet_balance: 125.4 })).toEqual({ ok: true, value: { usd: 125.4 } });
    expect(parseWalletBalance({ wallet_balance: '12.34' })).toEqual({ ok: true, value: { usd: 12.34 } });
    expect(parseWalletBalance({ balance: 7 })).toEqual({ ok: true, value: { usd: 7 } });
    expect(parseWalletBalance({ wallet_balance: 0, balance: 99 })).toEqual({ ok: true, value: { usd: 0 } });
  });

  it('calls an answer without a usable amount malformed', () => {
    for (const data of [{}, { wallet_balance: 'lots' }, { wallet_balance: -5 }, { balance: null }, null]) {
      expect(parseWalletBalance(data)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    }
    expect(parseWalletBalance({})).toMatchObject({ ok: false, error: { detail: { kind: 'no-wallet-balance' } } });
  });
});

describe('details of unusable answers', () => {
  it('are in Chinese inside a Chinese sentence', () => {
    const errors = [
      readEnvelope(200, '<html></html>', null),
      readEnvelope(200, '{"code":200,"data":', null),
      readEnvelope(200, '', null),
      readEnvelope(200, 'Service Unavailable', null),
      readEnvelope(200, '{"data":{}}', null),
      parseHourlyUsage(null),
      parseHourlyUsage({}),
      parseHourlyUsage({ data: [{ date: 'yesterday', usage_traffic: 1 }] }),
      parseHourlyUsage({ data: [{ date: '2025-07-01 00', usage_traffic: 'lots' }] }),
      parseUserList({}),
      parseUserList({ list: [{ username: '' }] }),
      parseAccountBalance({}),
      parseAccountBalance(null),
      parseDailyUsage({}),
      parseDailyUsage({ data: [{ date: '2025-07-01 00', usage_traffic: 1 }] }),
      parseWalletBalance({}),
    ];
    for (const result of errors) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const sentence = errorSentence(result.error, CHINESE.t);
      // Thordata, API, JSON and HTML are names, not words to translate.
      expect(sentence.replace(/Thordata|API|JSON|HTML/g, ''), sentence).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
