import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WALLET_USD, scaleRunUsers, SECOND_WALLET_USD, THIRD_TOKEN } from '../../scripts/demo-api/accounts.js';
import type { WalletBalanceData } from '../../scripts/demo-api/answers.js';
import { DEFAULT_TOKEN, SECOND_TOKEN, createDemoApi } from '../../scripts/demo-api/server.js';

const NOW = Date.UTC(2025, 6, 1, 10, 30);
const api = createDemoApi({ now: () => NOW, generatedUsers: scaleRunUsers() });
let base = '';

beforeAll(async () => {
  base = (await api.start()).baseUrl;
});
afterAll(() => api.stop());
beforeEach(() => api.setFault(null));

async function wallet(params: Record<string, string>): Promise<{ status: number; type: string | null; text: string }> {
  const url = new URL(`${base}/account/wallet-balance`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const body = async (token: string) => JSON.parse((await wallet({ token })).text) as { code: number; msg: string; data: WalletBalanceData | null };

describe('account/wallet-balance', () => {
  it('answers each account its own amount as the documented wallet_balance, the same every time', async () => {
    expect(await body(DEFAULT_TOKEN)).toEqual({ code: 200, msg: 'ok', data: { wallet_balance: DEFAULT_WALLET_USD } });
    expect(DEFAULT_WALLET_USD).toBe(125.4);
    expect((await body(SECOND_TOKEN)).data).toEqual({ wallet_balance: SECOND_WALLET_USD });
    const third = (await body(THIRD_TOKEN)).data?.wallet_balance;
    expect(third).toBeGreaterThan(0);
    expect(new Set([DEFAULT_WALLET_USD, SECOND_WALLET_USD, third]).size).toBe(3);
    expect((await body(THIRD_TOKEN)).data?.wallet_balance).toBe(third);
  });

  it('checks the token like every endpoint', async () => {
    expect(await body('not-a-token')).toEqual({ code: 10013, msg: 'sign error', data: null });
    expect((await body('')).code).toBe(10000);
  });

  it('fails as a fault aimed at it says, and only it', async () => {
    api.setFault({ kind: 'html', endpoints: ['account/wallet-balance'] });
    const page = await wallet({ token: DEFAULT_TOKEN });
    expect([page.status, page.type?.startsWith('text/html')]).toEqual([200, true]);
    const balance = await fetch(`${base}/account/traffic-balance?token=${DEFAULT_TOKEN}`);
    expect(((await balance.json()) as { code: number }).code).toBe(200);

    api.setFault({ kind: 'server-error', endpoints: ['account/wallet-balance'], tokens: [SECOND_TOKEN] });
    expect((await wallet({ token: SECOND_TOKEN })).status).toBe(502);
    expect((await body(DEFAULT_TOKEN)).code).toBe(200);

    api.setFault({ kind: 'rate-limit', endpoints: ['account/wallet-balance'], times: 1 });
    expect((await body(DEFAULT_TOKEN)).code).toBe(10011);
    expect((await body(DEFAULT_TOKEN)).code).toBe(200);

    api.setFault({ kind: 'wrong-shape', endpoints: ['account/wallet-balance'] });
    expect((await body(DEFAULT_TOKEN)).data).toEqual({ wallet_balance: `${DEFAULT_WALLET_USD} KB` });
  });
});
