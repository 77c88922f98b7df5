import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFault, type Fault } from '../../scripts/demo-api/faults.js';
import { clearDemoRequests, getDemoRequests, setDemoFault } from '../../scripts/demo-api/control-client.js';
import { createDemoApi } from '../../scripts/demo-api/server.js';

const NOW = Date.UTC(2025, 6, 1, 10, 30);
const TOKEN = 'demo-token';
const api = createDemoApi({ now: () => NOW });
let base = '';
let origin = '';

beforeAll(async () => {
  base = (await api.start()).baseUrl;
  origin = new URL(base).origin;
});
afterAll(() => api.stop());
beforeEach(() => {
  api.setFault(null);
  api.clearRequests();
});

interface Reply {
  status: number;
  contentType: string | null;
  text: string;
}

async function get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<Reply> {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, signal ? { signal } : {});
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

const hourly = (username: string, signal?: AbortSignal): Promise<Reply> =>
  get(
    '/proxy-users/usage-statistics-hour',
    { token: TOKEN, proxy_type: '1', username, from_date: '2025-07-01 00', to_date: '2025-07-01 10' },
    signal,
  );

const codeOf = (reply: Reply): number => (JSON.parse(reply.text) as { code: number }).code;

async function control(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${origin}/__demo/${path}`, init);
  return { status: response.status, body: await response.json() };
}

describe('faults', () => {
  it.each([
    ['rate-limit', { code: 10011, msg: 'too frequent, try later', data: null }],
    ['bad-token', { code: 10013, msg: 'sign error', data: null }],
    ['key-rejected', { code: 10014, msg: 'apiKey error', data: null }],
    ['unknown-user', { code: 10020, msg: 'username does not exist', data: null }],
  ] as const)('%s answers HTTP 200 with the API error', async (kind, expected) => {
    api.setFault({ kind });
    const reply = await hourly('alice_res');
    expect([reply.status, reply.contentType, JSON.parse(reply.text)]).toEqual([200, 'application/json', expected]);
  });

  it('server-error answers HTTP 502 with an HTML page', async () => {
    api.setFault({ kind: 'server-error' });
    const reply = await hourly('alice_res');
    expect(reply.status).toBe(502);
    expect(reply.contentType).toMatch(/^text\/html/);
    expect(reply.text).toMatch(/^<html>[\s\S]*<\/html>\s*$/);
  });

  it('html answers HTTP 200 with an HTML page', async () => {
    api.setFault({ kind: 'html' });
    const reply = await hourly('alice_res');
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^text\/html/);
    expect(reply.text).toContain('<html');
    expect(reply.text.trim().endsWith('</html>')).toBe(true);
  });

  it('truncated answers the first half of the real JSON', async () => {
    const normal = await hourly('alice_res');
    api.setFault({ kind: 'truncated' });
    const cut = await hourly('alice_res');
    expect([cut.status, cut.contentType]).toEqual([200, 'application/json']);
    expect(normal.text.startsWith(cut.text)).toBe(true);
    expect(cut.text.length).toBe(Math.floor(normal.text.length / 2));
    expect(() => JSON.parse(cut.text)).toThrow();
  });

  it('wrong-shape answers code 200 with renamed fields and amounts as text', async () => {
    api.setFault({ kind: 'wrong-shape' });
    const body = JSON.parse((await hourly('alice_res')).text) as {
      code: number;
      data: { data?: unknown; list: { date: string; usage: string }[]; range_usage: string };
    };
    expect(body.code).toBe(200);
    expect(body.data.data).toBeUndefined();
    expect(body.data.list.length).toBeGreaterThan(0);
    expect(typeof body.data.list[0]?.usage).toBe('string');
    expect(Number(body.data.list[0]?.usage)).toBeNaN();
    expect(Number(body.data.range_usage)).toBeNaN();
  });

  it('null-data answers a well-formed success envelope without data', async () => {
    api.setFault({ kind: 'null-data' });
    const reply = await hourly('alice_res');
    expect([reply.status, reply.contentType, JSON.parse(reply.text)]).toEqual([
      200,
      'application/json',
      { code: 200, msg: 'ok', data: null },
    ]);
    expect(api.requests()[0]).toMatchObject({ status: 200, code: 200, fault: 'null-data' });
  });

  it('null-data for one username leaves the other users\' answers intact', async () => {
    const names = ['alice_res', 'bob_scraper', 'carol_eu'];
    const normal = await Promise.all(names.map((name) => hourly(name)));
    api.setFault({ kind: 'null-data', usernames: ['bob_scraper'] });
    const hit = [];
    for (const name of names) hit.push(await hourly(name));
    expect(JSON.parse(hit[1]?.text ?? '')).toEqual({ code: 200, msg: 'ok', data: null });
    expect(JSON.parse(normal[1]?.text ?? '')).toMatchObject({ code: 200, data: { data: expect.any(Array) } });
    expect([hit[0]?.text, hit[2]?.text]).toEqual([normal[0]?.text, normal[2]?.text]);
    expect(api.requests().slice(-3).map((r) => r.fault)).toEqual([undefined, 'null-data', undefined]);
  });

  it('hits every endpoint when no usernames are given', async () => {
    api.setFault({ kind: 'rate-limit' });
    expect(codeOf(await get('/proxy-users/user-list', { token: TOKEN, proxy_type: '1' }))).toBe(10011);
    expect(codeOf(await get('/account/traffic-balance', { token: TOKEN }))).toBe(10011);
  });

  it('hits only the next `times` requests, then clears itself', async () => {
    api.setFault({ kind: 'rate-limit', times: 2 });
    expect(codeOf(await hourly('alice_res'))).toBe(10011);
    expect(api.currentFault()).toEqual({ kind: 'rate-limit', times: 1 });
    expect(codeOf(await hourly('alice_res'))).toBe(10011);
    expect(codeOf(await hourly('alice_res'))).toBe(200);
    expect(api.currentFault()).toBeNull();
  });

  it('hits only requests for the given usernames, and counts only those', async () => {
    api.setFault({ kind: 'bad-token', usernames: ['bob_scraper'], times: 2 });
    expect(codeOf(await hourly('alice_res'))).toBe(200);
    expect(codeOf(await get('/proxy-users/user-list', { token: TOKEN, proxy_type: '1' }))).toBe(200);
    expect(codeOf(await hourly('bob_scraper'))).toBe(10013);
    const both = await get('/proxy-users/usage-statistics', {
      token: TOKEN,
      username: 'alice_res,bob_scraper',
      from_date: '2025-07-01',
      to_date: '2025-07-01',
    });
    expect(codeOf(both)).toBe(10013);
    expect(codeOf(await hourly('bob_scraper'))).toBe(200);
  });

  it('hits only the given endpoints, and counts only requests to them', async () => {
    api.setFault({ kind: 'rate-limit', endpoints: ['account/traffic-balance'], times: 2 });
    expect(codeOf(await hourly('alice_res'))).toBe(200);
    expect(codeOf(await get('/proxy-users/user-list', { token: TOKEN, proxy_type: '1' }))).toBe(200);
    expect(codeOf(await get('/account/usage-statistics', { token: TOKEN, from_date: '2025-07-01', to_date: '2025-07-01' }))).toBe(200);
    expect(api.currentFault()).toEqual({ kind: 'rate-limit', endpoints: ['account/traffic-balance'], times: 2 });
    expect(codeOf(await get('/account/traffic-balance', { token: TOKEN }))).toBe(10011);
    expect(api.currentFault()?.times).toBe(1);
    expect(codeOf(await hourly('alice_res'))).toBe(200);
    expect(codeOf(await get('/account/traffic-balance', { token: TOKEN }))).toBe(10011);
    expect(api.currentFault()).toBeNull();
    expect(codeOf(await get('/account/traffic-balance', { token: TOKEN }))).toBe(200);
  });

  it('tells the daily endpoint from the hourly one it prefixes', async () => {
    api.setFault({ kind: 'unknown-user', endpoints: ['proxy-users/usage-statistics'] });
    expect(codeOf(await hourly('alice_res'))).toBe(200);
    const day = await get('/proxy-users/usage-statistics', { token: TOKEN, username: 'alice_res', from_date: '2025-07-01', to_date: '2025-07-01' });
    expect(codeOf(day)).toBe(10020);
  });

  it('needs both the endpoint and the username to match when both are given', async () => {
    api.setFault({ kind: 'key-rejected', endpoints: ['proxy-users/usage-statistics-hour'], usernames: ['bob_scraper'], times: 1 });
    expect(codeOf(await hourly('alice_res'))).toBe(200);
    const bobDaily = await get('/proxy-users/usage-statistics', { token: TOKEN, username: 'bob_scraper', from_date: '2025-07-01', to_date: '2025-07-01' });
    expect(codeOf(bobDaily)).toBe(200);
    expect(codeOf(await get('/proxy-users/user-list', { token: TOKEN, proxy_type: '1' }))).toBe(200);
    expect(api.currentFault()?.times).toBe(1);
    expect(codeOf(await hourly('bob_scraper'))).toBe(10014);
    expect(api.currentFault()).toBeNull();
  });

  it('slow answers correctly after delayMs without holding up other requests', async () => {
    api.setFault({ kind: 'slow', delayMs: 200, times: 1 });
    const started = Date.now();
    const order: string[] = [];
    const slow = hourly('alice_res').then((r) => {
      order.push('slow');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const quick = hourly('alice_res').then((r) => {
      order.push('quick');
      return r;
    });
    const [slowReply, quickReply] = await Promise.all([slow, quick]);
    expect(order).toEqual(['quick', 'slow']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(slowReply.text).toBe(quickReply.text);
    expect(api.stats().maxInFlight).toBe(2);
    expect(api.requests().map((r) => r.fault)).toEqual(['slow', undefined]);
  });

  it('slow answers are cancelled when the client gives up', async () => {
    api.setFault({ kind: 'slow', delayMs: 10_000 });
    const controller = new AbortController();
    const pending = hourly('alice_res', controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => api.requests().length).toBe(1);
    expect(api.requests()[0]).toMatchObject({ status: 0, code: null, fault: 'slow' });
  });

  it('slow answers are cancelled cleanly by stop()', async () => {
    const other = createDemoApi({ now: () => NOW });
    const { baseUrl } = await other.start();
    other.setFault({ kind: 'slow', delayMs: 10_000 });
    const pending = fetch(`${baseUrl}/account/traffic-balance?token=${TOKEN}`);
    await expect.poll(() => other.stats().maxInFlight).toBe(1);
    const stopping = Date.now();
    await other.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    expect(other.requests()).toMatchObject([{ status: 0, code: null, fault: 'slow' }]);
  });

  it('refuses invalid faults', () => {
    expect(() => api.setFault({ kind: 'rate-limit', times: 0 })).toThrow(TypeError);
    expect(() => api.setFault({ kind: 'slow', delayMs: -1 })).toThrow(TypeError);
    expect(() => api.setFault({ kind: 'rate-limit', usernames: [] })).toThrow(TypeError);
    expect(() => api.setFault({ kind: 'rate-limit', endpoints: [] })).toThrow(TypeError);
    expect(() => api.setFault({ kind: 'rate-limit', endpoints: ['account/nothing'] })).toThrow(TypeError);
  });
});

describe('parseFault endpoints', () => {
  const VALID = [
    'proxy-users/usage-statistics-hour',
    'proxy-users/usage-statistics',
    'proxy-users/user-list',
    'account/traffic-balance',
    'account/wallet-balance',
    'account/usage-statistics',
  ];

  it('accepts the endpoints relative to the API base', () => {
    expect(parseFault({ kind: 'null-data', endpoints: VALID })).toEqual({ ok: true, fault: { kind: 'null-data', endpoints: VALID } });
  });

  it.each([
    ['an empty list', []],
    ['a string instead of a list', 'account/traffic-balance'],
    ['a name that is not a string', ['account/traffic-balance', 7]],
    ['an unknown endpoint', ['account/wallet']],
    ['a path with the base', ['/api/account/traffic-balance']],
    ['a path with a leading slash', ['/account/traffic-balance']],
  ])('refuses %s, listing the valid endpoints', (_, endpoints) => {
    const parsed = parseFault({ kind: 'rate-limit', endpoints });
    if (parsed.ok) throw new Error(`accepted endpoints ${JSON.stringify(endpoints)}`);
    expect(parsed.error).toMatch(/endpoint/);
    for (const name of VALID) expect(parsed.error).toContain(name);
  });

  it('names the unknown endpoint', () => {
    const parsed = parseFault({ kind: 'rate-limit', endpoints: ['proxy-users/user-list', 'account/wallet'] });
    expect(parsed).toMatchObject({ ok: false, error: expect.stringContaining('unknown endpoint: account/wallet') });
  });
});

describe('control endpoints', () => {
  it('set a fault with endpoints over HTTP', async () => {
    const fault: Fault = { kind: 'null-data', endpoints: ['proxy-users/user-list'], usernames: ['alice_res'] };
    const reply = await control('fault', { method: 'POST', body: JSON.stringify(fault) });
    expect(reply).toEqual({ status: 200, body: { ok: true, fault } });
    expect(api.currentFault()).toEqual(fault);
  });

  it('explain a refused endpoint over HTTP', async () => {
    const reply = await control('fault', { method: 'POST', body: JSON.stringify({ kind: 'html', endpoints: ['user-list'] }) });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ ok: false, error: expect.stringContaining('proxy-users/user-list') });
  });

  it('set, show and clear the fault over HTTP', async () => {
    const fault: Fault = { kind: 'unknown-user', usernames: ['carol_eu'], times: 3 };
    await setDemoFault(base, fault);
    expect(api.currentFault()).toEqual(fault);
    expect(await control('fault')).toEqual({ status: 200, body: { fault } });
    expect(codeOf(await hourly('carol_eu'))).toBe(10020);
    await setDemoFault(base, null);
    expect(api.currentFault()).toBeNull();
  });

  it.each([
    ['not JSON', 'rate-limit'],
    ['an unknown kind', JSON.stringify({ kind: 'meltdown' })],
    ['a misspelt field', JSON.stringify({ kind: 'slow', delay: 5 })],
    ['times of 0', JSON.stringify({ kind: 'rate-limit', times: 0 })],
    ['usernames that are not strings', JSON.stringify({ kind: 'html', usernames: [1] })],
    ['an unknown endpoint', JSON.stringify({ kind: 'null-data', endpoints: ['account/balance'] })],
  ])('refuse a fault that is %s', async (_, body) => {
    const reply = await control('fault', { method: 'POST', body });
    expect(reply.status).toBe(400);
    expect(api.currentFault()).toBeNull();
  });

  it('are never hit by faults, and are not logged', async () => {
    api.setFault({ kind: 'server-error' });
    expect((await control('requests')).status).toBe(200);
    expect((await control('fault')).status).toBe(200);
    expect((await control('requests/clear', { method: 'POST' })).status).toBe(200);
    expect(api.currentFault()).toEqual({ kind: 'server-error' });
    expect(api.stats().count).toBe(0);
  });

  it('answer unknown control paths with 404', async () => {
    expect((await control('nothing')).status).toBe(404);
    expect((await control('fault', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('request log', () => {
  it('records each API request with the token redacted', async () => {
    await hourly('alice_res');
    await get('/account/traffic-balance', { token: 'a-wrong-secret-token' });
    await get('/proxy-users/user-list', { token: TOKEN, proxy_type: '1', username: `x${TOKEN}y` });
    await get('/nowhere', { token: TOKEN, key: 'my-api-key-123' });
    const entries = api.requests();
    expect(entries.map((e) => [e.path, e.status, e.code])).toEqual([
      ['/api/proxy-users/usage-statistics-hour', 200, 200],
      ['/api/account/traffic-balance', 200, 10013],
      ['/api/proxy-users/user-list', 200, 200],
      ['/api/nowhere', 404, 404],
    ]);
    expect(entries.every((e) => e.params['token'] === '[redacted]')).toBe(true);
    expect(entries[2]?.params['username']).toBe('x[redacted]y');
    expect(entries[3]?.params['key']).toBe('[redacted]');
    const report = JSON.stringify(await getDemoRequests(base));
    for (const secret of [TOKEN, 'a-wrong-secret-token', 'my-api-key-123']) {
      expect(JSON.stringify(entries)).not.toContain(secret);
      expect(report).not.toContain(secret);
    }
  });

  it('keeps the rows the hourly endpoint served, and the timing', async () => {
    const served = JSON.parse((await hourly('alice_res')).text) as { data: { data: unknown[] } };
    await get('/proxy-users/usage-statistics', { token: TOKEN, username: 'alice_res', from_date: '2025-07-01', to_date: '2025-07-01' });
    const [hourEntry, dayEntry] = api.requests();
    expect(hourEntry?.rows).toEqual(served.data.data);
    expect(hourEntry?.params).toMatchObject({ username: 'alice_res', from_date: '2025-07-01 00' });
    expect(dayEntry?.rows).toBeUndefined();
    for (const entry of api.requests()) expect(entry.endedAt).toBeGreaterThanOrEqual(entry.startedAt);
    expect(dayEntry?.startedAt).toBeGreaterThanOrEqual(hourEntry?.endedAt ?? Infinity);
  });

  it('records which fault hit a request, without rows', async () => {
    api.setFault({ kind: 'truncated', times: 1 });
    await hourly('alice_res');
    expect(api.requests()[0]).toMatchObject({ status: 200, code: null, fault: 'truncated' });
    expect(api.requests()[0]?.rows).toBeUndefined();
  });

  it('counts requests and the most ever in flight at once', async () => {
    for (const name of ['alice_res', 'bob_scraper', 'carol_eu']) await hourly(name);
    expect(api.stats()).toEqual({ count: 3, maxInFlight: 1 });
    api.setFault({ kind: 'slow', delayMs: 100 });
    await Promise.all(['alice_res', 'bob_scraper', 'carol_eu'].map((name) => hourly(name)));
    expect(api.stats()).toEqual({ count: 6, maxInFlight: 3 });
    const report = await getDemoRequests(base);
    expect([report.requests.length, report.maxInFlight]).toEqual([6, 3]);
    await clearDemoRequests(base);
    expect(api.stats()).toEqual({ count: 0, maxInFlight: 0 });
  });
});
