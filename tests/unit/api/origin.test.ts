import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApiBaseUrl, PRODUCTION_API_BASE, type BaseUrlProblem } from '@/utils/api/origin';

const accepted = (text: string, allowLoopback = false) => {
  const check = checkApiBaseUrl(text, allowLoopback);
  return check.ok ? check.baseUrl : null;
};

describe('production API base URL', () => {
  it.each([
    [PRODUCTION_API_BASE, 'https://openapi.thordata.com/api'],
    ['https://openapi.thordata.com/api/', 'https://openapi.thordata.com/api'],
    ['https://openapi.thordata.com/api///', 'https://openapi.thordata.com/api'],
    ['  https://openapi.thordata.com/api  ', 'https://openapi.thordata.com/api'],
    ['https://openapi.thordata.com', 'https://openapi.thordata.com'],
    ['https://openapi.thordata.com/v2/api/', 'https://openapi.thordata.com/v2/api'],
    ['HTTPS://OpenAPI.Thordata.com/api', 'https://openapi.thordata.com/api'],
  ])('accepts %j as %j', (text, baseUrl) => {
    expect(accepted(text)).toBe(baseUrl);
  });

  it.each<[string, string, BaseUrlProblem]>([
    ['plain http', 'http://openapi.thordata.com/api', 'not-thordata'],
    ['another host', 'https://api.thordata.com/api', 'not-thordata'],
    ['a look-alike host', 'https://openapi.thordata.com.evil.example/api', 'not-thordata'],
    ['a parent domain', 'https://thordata.com/api', 'not-thordata'],
    ['a port', 'https://openapi.thordata.com:8443/api', 'not-thordata'],
    ['a query string', 'https://openapi.thordata.com/api?x=1', 'has-query-or-credentials'],
    ['a fragment', 'https://openapi.thordata.com/api#x', 'has-query-or-credentials'],
    ['credentials', 'https://user:pass@openapi.thordata.com/api', 'has-query-or-credentials'],
    ['a user name only', 'https://user@openapi.thordata.com/api', 'has-query-or-credentials'],
    ['another scheme', 'ftp://openapi.thordata.com/api', 'not-thordata'],
    ['no scheme', 'openapi.thordata.com/api', 'not-a-url'],
    ['an empty field', '', 'not-a-url'],
    ['loopback without permission', 'http://127.0.0.1:8787/api', 'not-thordata'],
    ['localhost without permission', 'http://localhost:8787/api', 'not-thordata'],
  ])('rejects %s, saying why', (_, text, reason) => {
    expect(checkApiBaseUrl(text, false)).toEqual({ ok: false, reason });
  });

  it('names loopback as the way out only where loopback is allowed', () => {
    expect(checkApiBaseUrl('https://example.com/api', true)).toEqual({ ok: false, reason: 'not-thordata-or-loopback' });
  });

  it('never returns a base that the client would turn into a query or fragment', () => {
    // The client appends `/path?token=…`: a trailing `?` or `#` would move the path, or the token, out of the path.
    for (const text of ['https://openapi.thordata.com/api?', 'https://openapi.thordata.com/api#']) {
      const baseUrl = accepted(text);
      if (baseUrl !== null) expect(baseUrl).not.toMatch(/[?#]/);
    }
  });

  it('only ever accepts https://openapi.thordata.com without a port, query or trailing slash', () => {
    const piece = fc.string({ unit: fc.constantFrom(...'ab/.:?#@%-_'), maxLength: 12 });
    const candidate = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(piece, fc.constantFrom('', '/', '?', '#')).map(([tail, end]) => `https://openapi.thordata.com${tail}${end}`),
      fc.tuple(piece, fc.constantFrom('', '/', '?', '#')).map(([tail, end]) => `http://127.0.0.1${tail}${end}`),
    );
    fc.assert(
      fc.property(candidate, (text) => {
        const check = checkApiBaseUrl(text, false);
        if (!check.ok) return;
        const url = new URL(check.baseUrl);
        expect(url.origin).toBe('https://openapi.thordata.com');
        expect(check.baseUrl.endsWith('/')).toBe(false);
        expect(`${url.origin}${url.pathname}`.replace(/\/+$/, '')).toBe(check.baseUrl);
      }),
    );
  });
});

describe('loopback base URL (demo and end-to-end builds)', () => {
  it.each([
    ['http://127.0.0.1:8787/api', 'http://127.0.0.1:8787/api'],
    ['http://127.0.0.1:8787/api/', 'http://127.0.0.1:8787/api'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://localhost/api', 'http://localhost/api'],
    ['https://127.0.0.1:8443/api', 'https://127.0.0.1:8443/api'],
    ['http://[::1]:8787/api', 'http://[::1]:8787/api'],
  ])('accepts %j as %j only when loopback is allowed', (text, baseUrl) => {
    expect(accepted(text, true)).toBe(baseUrl);
    expect(accepted(text, false)).toBeNull();
  });

  it('still accepts production and still rejects other hosts', () => {
    expect(accepted('https://openapi.thordata.com/api/', true)).toBe('https://openapi.thordata.com/api');
    for (const text of [
      'http://127.0.0.2:8787/api',
      'http://localhost.evil.example/api',
      'http://192.168.1.5:8787/api',
      'ftp://127.0.0.1/api',
      'http://127.0.0.1:8787/api?token=x',
      'http://user:pw@127.0.0.1:8787/api',
      'http://openapi.thordata.com/api',
    ]) {
      expect(accepted(text, true), text).toBeNull();
    }
  });
});
