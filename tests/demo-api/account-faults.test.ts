import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDemoRequests, setDemoFault } from '../../scripts/demo-api/control-client.js';
import { parseFault, type Fault } from '../../scripts/demo-api/faults.js';
import { DEFAULT_TOKEN, SECOND_TOKEN, createDemoApi } from '../../scripts/demo-api/server.js';

const NOW = Date.UTC(2025, 6, 1, 10, 30);
const api = createDemoApi({ now: () => NOW });
let base = '';

beforeAll(async () => {
  base = (await api.start()).baseUrl;
});
afterAll(() => api.stop());
beforeEach(() => {
  api.setFault(null);
  api.clearRequests();
});

async function get(path: string, params: Record<string, string>): Promise<string> {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return (await fetch(url)).text();
}

const codeOf = (text: string): number => (JSON.parse(text) as { code: number }).code;

/** One request of each kind for an account: its hourly usage of `username`, its user-list, its balance. */
const accountCalls = (token: string, username: string) => async (): Promise<string[]> => [
  await get('/proxy-users/usage-statistics-hour', {
    token,
    proxy_type: '1',
    username,
    from_date: '2025-07-01 00',
    to_date: '2025-07-01 10',
  }),
  await get('/proxy-users/user-list', { token, proxy_type: '1' }),
  await get('/account/traffic-balance', { token }),
];
const firstAccount = accountCalls(DEFAULT_TOKEN, 'alice_res');
const secondAccount = accountCalls(SECOND_TOKEN, 'frank_res');

describe('a fault aimed at one account token', () => {
  it('rejects that account\'s token and leaves the other account\'s answers intact', async () => {
    const normal = await firstAccount();
    api.setFault({ kind: 'bad-token', tokens: [SECOND_TOKEN] });
    expect((await secondAccount()).map(codeOf)).toEqual([10013, 10013, 10013]);
    expect(await firstAccount()).toEqual(normal);
    expect(api.requests().slice(-6).map((r) => r.fault)).toEqual(['bad-token', 'bad-token', 'bad-token', undefined, undefined, undefined]);
  });

  it('needs the endpoint and username to match too when they are given', async () => {
    api.setFault({ kind: 'rate-limit', tokens: [SECOND_TOKEN], endpoints: ['account/traffic-balance'] });
    expect((await secondAccount()).map(codeOf)).toEqual([200, 200, 10011]);
    expect((await firstAccount()).map(codeOf)).toEqual([200, 200, 200]);
    api.setFault({ kind: 'unknown-user', tokens: [DEFAULT_TOKEN], usernames: ['alice_res'] });
    expect((await firstAccount()).map(codeOf)).toEqual([10020, 200, 200]);
    expect((await secondAccount()).map(codeOf)).toEqual([200, 200, 200]);
  });

  it('counts only the requests it hits against `times`', async () => {
    api.setFault({ kind: 'bad-token', tokens: [SECOND_TOKEN], times: 2 });
    expect((await firstAccount()).map(codeOf)).toEqual([200, 200, 200]);
    expect(api.currentFault()?.times).toBe(2);
    expect((await secondAccount()).map(codeOf)).toEqual([10013, 10013, 200]);
    expect(api.currentFault()).toBeNull();
  });

  it('does not hit requests without a token, which get the API\'s own 10000', async () => {
    api.setFault({ kind: 'server-error', tokens: [DEFAULT_TOKEN] });
    expect(codeOf(await get('/account/traffic-balance', {}))).toBe(10000);
  });

  it('may name several accounts', async () => {
    api.setFault({ kind: 'rate-limit', tokens: [DEFAULT_TOKEN, SECOND_TOKEN] });
    expect([...(await firstAccount()), ...(await secondAccount())].map(codeOf)).toEqual(Array(6).fill(10011));
  });
});

describe('parseFault tokens', () => {
  it('accepts a non-empty list of strings', () => {
    expect(parseFault({ kind: 'bad-token', tokens: ['any-token'] })).toEqual({ ok: true, fault: { kind: 'bad-token', tokens: ['any-token'] } });
    expect(parseFault({ kind: 'bad-token', tokens: [SECOND_TOKEN] }, [DEFAULT_TOKEN, SECOND_TOKEN])).toMatchObject({ ok: true });
  });

  it.each([
    ['an empty list', []],
    ['a string instead of a list', SECOND_TOKEN],
    ['a token that is not a string', [SECOND_TOKEN, 2]],
  ])('refuses %s', (_, tokens) => {
    expect(parseFault({ kind: 'bad-token', tokens })).toMatchObject({ ok: false, error: expect.stringContaining('tokens') });
  });

  it('refuses a token no account has, without repeating it', () => {
    const parsed = parseFault({ kind: 'bad-token', tokens: ['tok-mistyped-91'] }, [DEFAULT_TOKEN, SECOND_TOKEN]);
    if (parsed.ok) throw new Error('accepted a token no account has');
    expect(parsed.error).toMatch(/tokens/);
    expect(parsed.error).not.toContain('tok-mistyped-91');
  });
});

describe('token faults through the server and its control endpoint', () => {
  it('setFault refuses a token no account has', () => {
    expect(() => api.setFault({ kind: 'bad-token', tokens: ['demo-token-9'] })).toThrow(TypeError);
    expect(api.currentFault()).toBeNull();
  });

  it('are set with setDemoFault and hit only that account', async () => {
    const fault: Fault = { kind: 'bad-token', tokens: [SECOND_TOKEN], times: 3 };
    await setDemoFault(base, fault);
    expect(api.currentFault()).toEqual(fault);
    expect((await secondAccount()).map(codeOf)).toEqual([10013, 10013, 10013]);
    expect((await secondAccount()).map(codeOf)).toEqual([200, 200, 200]);
  });

  it('answer 400 over HTTP for a token no account has, without repeating it', async () => {
    const response = await fetch(new URL('/__demo/fault', base), {
      method: 'POST',
      body: JSON.stringify({ kind: 'bad-token', tokens: ['tok-unknown-77'] }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('tok-unknown-77');
    expect(api.currentFault()).toBeNull();
  });

  it('leave no token of any account in the request log', async () => {
    api.setFault({ kind: 'bad-token', tokens: [SECOND_TOKEN] });
    await firstAccount();
    await secondAccount();
    const report = JSON.stringify(await getDemoRequests(base));
    expect(JSON.parse(report)).toMatchObject({ requests: expect.arrayContaining([expect.objectContaining({ fault: 'bad-token' })]) });
    for (const account of api.accounts()) expect(report).not.toContain(account.token);
  });
});
