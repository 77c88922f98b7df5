import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_API_MESSAGE_LENGTH, type ApiError } from '@/utils/api/errors';
import { createThordataClient, type FetchLike } from '@/utils/api/thordata-client';

const BASE = 'https://openapi.thordata.com/api';
const TOKEN = 'SECRET123';
const OK_HOURLY = JSON.stringify({
  code: 200,
  msg: 'ok',
  data: { traffic_limit: 0, traffic_balance: 0, total_usage_traffic: 1, data: [{ date: '2025-07-01 00', usage_traffic: 12.5 }] },
});

/** A fake fetch that answers every call with the same status and body, recording the URLs. */
function answering(status: number, body: string): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    return { status, text: async () => body };
  };
  return { fetch, urls };
}

/** A fetch that never answers but, like the real one, gives up when its signal aborts. */
const hanging: FetchLike = (_url, { signal }) =>
  new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

const throwing =
  (error: unknown): FetchLike =>
  async () => {
    throw error;
  };

const hourlyQuery = { proxyType: 1, username: 'alice', from: '2025-07-01 00', to: '2025-07-01 23' } as const;

function errorOf(result: { ok: true } | { ok: false; error: ApiError }): ApiError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('requests', () => {
  it('asks for hourly usage with the documented path and parameters', async () => {
    const { fetch, urls } = answering(200, OK_HOURLY);
    const client = createThordataClient({ baseUrl: BASE, token: TOKEN, fetch });
    const result = await client.hourlyUsage({ proxyType: 3, username: 'mobile_bob', from: '2025-07-01 00', to: '2025-07-02 05' });
    expect(result).toMatchObject({ ok: true, value: { rows: [{ hour: '2025-07-01 00', kb: 12.5 }] } });
    expect(urls).toHaveLength(1);
    const url = new URL(urls[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://openapi.thordata.com/api/proxy-users/usage-statistics-hour');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      token: TOKEN,
      proxy_type: '3',
      username: 'mobile_bob',
      from_date: '2025-07-01 00',
      to_date: '2025-07-02 05',
    });
  });

  it('asks for the user list and the balance with their own paths', async () => {
    const { fetch, urls } = answering(200, JSON.stringify({ code: 200, data: { list: [] } }));
    const client = createThordataClient({ baseUrl: 'http://127.0.0.1:8787/api', token: TOKEN, fetch });
    await client.userList({ proxyType: 2 });
    await client.accountBalance();
    const [list, balance] = urls.map((text) => new URL(text));
    expect(list?.href.split('?')[0]).toBe('http://127.0.0.1:8787/api/proxy-users/user-list');
    expect(Object.fromEntries(list?.searchParams ?? [])).toEqual({ token: TOKEN, proxy_type: '2' });
    expect(balance?.href.split('?')[0]).toBe('http://127.0.0.1:8787/api/account/traffic-balance');
    expect(Object.fromEntries(balance?.searchParams ?? [])).toEqual({ token: TOKEN });
  });

  it('asks for a user\'s days with the daily path and day keys', async () => {
    const { fetch, urls } = answering(200, JSON.stringify({ code: 200, msg: 'ok', data: { data: [{ date: '2025-07-02', usage_traffic: '9' }] } }));
    const client = createThordataClient({ baseUrl: BASE, token: TOKEN, fetch });
    const result = await client.dailyUsage({ proxyType: 2, username: 'unl_dave', from: '2025-06-01', to: '2025-07-02' });
    expect(result).toEqual({ ok: true, value: { rows: [{ day: '2025-07-02', kb: 9 }] } });
    const url = new URL(urls[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://openapi.thordata.com/api/proxy-users/usage-statistics');
    expect(Object.fromEntries(url.searchParams)).toEqual({ token: TOKEN, proxy_type: '2', username: 'unl_dave', from_date: '2025-06-01', to_date: '2025-07-02' });
  });

  it('asks for the wallet with the token alone', async () => {
    const { fetch, urls } = answering(200, JSON.stringify({ code: 200, msg: 'ok', data: { wallet_balance: 125.4 } }));
    const result = await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).walletBalance();
    expect(result).toEqual({ ok: true, value: { usd: 125.4 } });
    const url = new URL(urls[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://openapi.thordata.com/api/account/wallet-balance');
    expect(Object.fromEntries(url.searchParams)).toEqual({ token: TOKEN });
  });

  it('encodes a token and username with reserved characters so they arrive intact', async () => {
    const { fetch, urls } = answering(200, OK_HOURLY);
    const token = 'a&b=c+d/e%f#g?h';
    const client = createThordataClient({ baseUrl: BASE, token, fetch });
    await client.hourlyUsage({ ...hourlyQuery, username: 'user+1&x=2' });
    const url = new URL(urls[0] ?? '');
    expect(url.pathname).toBe('/api/proxy-users/usage-statistics-hour');
    expect(url.searchParams.get('token')).toBe(token);
    expect(url.searchParams.get('username')).toBe('user+1&x=2');
    expect(url.hash).toBe('');
  });
});

describe('failures', () => {
  it('gives up with a timeout when the API does not answer in time', async () => {
    const client = createThordataClient({ baseUrl: BASE, token: TOKEN, fetch: hanging, timeoutMs: 50 });
    const started = Date.now();
    const result = await client.hourlyUsage(hourlyQuery);
    expect(result).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 50 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });

  it('does not call a slow but timely answer a timeout', async () => {
    const slow: FetchLike = () =>
      new Promise((resolve) => setTimeout(() => resolve({ status: 200, text: async () => OK_HOURLY }), 10));
    const client = createThordataClient({ baseUrl: BASE, token: TOKEN, fetch: slow, timeoutMs: 200 });
    expect((await client.hourlyUsage(hourlyQuery)).ok).toBe(true);
  });

  it('reports a network failure without the token that the message carried', async () => {
    const fetch = throwing(new TypeError(`fetch failed for https://x/api?token=${TOKEN}`));
    const error = errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).hourlyUsage(hourlyQuery));
    expect(error.kind).toBe('network');
    expect(error.kind === 'network' && error.detail).toContain('fetch failed');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('redacts the token from the cause of a network failure', async () => {
    const fetch = throwing(new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED for token ${TOKEN}`) }));
    const error = errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).userList({ proxyType: 1 }));
    expect(error.kind === 'network' && error.detail).toContain('ECONNREFUSED');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('redacts the token when the API echoes it in its message', async () => {
    const { fetch } = answering(200, JSON.stringify({ code: 10013, msg: `bad token ${TOKEN}`, data: null }));
    const error = errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).accountBalance());
    expect(error).toEqual({ kind: 'auth', code: 10013, apiMessage: 'bad token [redacted]' });
  });

  it('names the user of a daily request Thordata does not know', async () => {
    const { fetch } = answering(200, JSON.stringify({ code: 10020, msg: 'username does not exist', data: null }));
    const error = errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).dailyUsage({ proxyType: 1, username: 'ghost', from: '2025-07-01', to: '2025-07-01' }));
    expect(error).toEqual({ kind: 'unknown-user', code: 10020, username: 'ghost' });
  });

  it('reports a wallet endpoint the API does not have as its own error, a 404 or a page', async () => {
    const notFound = answering(404, '<html><body>404 Not Found</body></html>');
    expect(errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch: notFound.fetch }).walletBalance())).toMatchObject({ kind: 'bad-request', code: 404 });
    const page = answering(200, '<!DOCTYPE html><html></html>');
    expect(errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch: page.fetch }).walletBalance())).toMatchObject({ kind: 'unreadable' });
  });

  it('reports a page that is not the API\'s JSON as unreadable', async () => {
    const { fetch } = answering(200, '<html>captive portal</html>');
    const error = errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).hourlyUsage(hourlyQuery));
    expect(error.kind).toBe('unreadable');
  });
});

describe('text from outside has bounds', () => {
  it('cuts the server’s message to a length a tooltip can hold before it is kept', async () => {
    const msg = `too frequent ${'and then some '.repeat(500)}`;
    const { fetch } = answering(200, JSON.stringify({ code: 10001, msg }));
    const error = errorOf(await createThordataClient({ baseUrl: BASE, token: TOKEN, fetch }).hourlyUsage(hourlyQuery));
    expect(error).toMatchObject({ kind: 'server', code: 10001 });
    const kept = error.kind === 'server' ? error.apiMessage : '';
    expect(kept.length).toBeLessThanOrEqual(MAX_API_MESSAGE_LENGTH);
    expect(kept.startsWith('too frequent and then some')).toBe(true);
    expect(kept.endsWith('…')).toBe(true);
  });
});

describe('the token never leaves in an error', () => {
  const visibleChar = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
  const token = fc.string({ unit: visibleChar, minLength: 8, maxLength: 64 });

  type Mode = (token: string) => FetchLike;
  const modes: Record<string, Mode> = {
    'network error quoting the URL': () => async (url) => {
      throw new TypeError(`fetch failed for ${url}`);
    },
    'network error quoting the token': (secret) => async () => {
      throw new Error(`refused: ${secret}`, { cause: new Error(`socket closed (${encodeURIComponent(secret)})`) });
    },
    'auth code echoing the token': (secret) => answering(200, JSON.stringify({ code: 10013, msg: `sign error for ${secret}` })).fetch,
    'parameter error echoing the URL': () => async (url) => ({
      status: 200,
      text: async () => JSON.stringify({ code: 10000, msg: `bad request ${url}` }),
    }),
    'server error echoing the encoded token': (secret) =>
      answering(500, JSON.stringify({ code: 500, msg: `failed: ${encodeURIComponent(secret)}` })).fetch,
    'HTML page echoing the token': (secret) => answering(200, `<html>${secret}</html>`).fetch,
    'unknown user': () => answering(200, JSON.stringify({ code: 10020, msg: 'username does not exist' })).fetch,
    // The cut must come after redaction: cut first, it could leave a part of the token behind.
    'a long message with the token where the cut falls': (secret) =>
      answering(200, JSON.stringify({ code: 10001, msg: `${'x'.repeat(MAX_API_MESSAGE_LENGTH - 4)}${secret}${'y'.repeat(5000)}` })).fetch,
    timeout: () => hanging,
  };

  it('holds for random tokens and every failure mode', async () => {
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom(...Object.keys(modes)), fc.constantFrom(0, 1, 2, 3, 4), async (secret, mode, call) => {
        const fetch = modes[mode]?.(secret);
        if (!fetch) throw new Error(`no mode ${mode}`);
        const client = createThordataClient({ baseUrl: BASE, token: secret, fetch, timeoutMs: 5 });
        const result =
          call === 0
            ? await client.hourlyUsage(hourlyQuery)
            : call === 1
              ? await client.userList({ proxyType: 1 })
              : call === 2
                ? await client.accountBalance()
                : call === 3
                  ? await client.dailyUsage({ proxyType: 1, username: 'alice', from: '2025-07-01', to: '2025-07-02' })
                  : await client.walletBalance();
        expect(result.ok).toBe(false);
        const text = JSON.stringify(result);
        expect(text).not.toContain(secret);
        expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
        expect(text).not.toContain(secret.slice(0, 6));
      }),
      { numRuns: 200 },
    );
  });
});
