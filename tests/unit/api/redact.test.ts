import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '@/utils/api/redact';

const visibleChar = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
const token = fc.string({ unit: visibleChar, minLength: 8, maxLength: 64 });

describe('redact', () => {
  it('removes the token wherever it appears', () => {
    expect(redact('bad token SECRET123, not SECRET123!', 'SECRET123')).toBe('bad token [redacted], not [redacted]!');
  });

  it('removes the URL-encoded form of the token', () => {
    const secret = 'ab/cd+ef=gh';
    expect(redact(`echo ${encodeURIComponent(secret)} end`, secret)).toBe('echo [redacted] end');
  });

  it('removes any token= query parameter, even for another token', () => {
    expect(redact('GET https://x/api?token=OLDTOKEN1&proxy_type=1 failed', 'NEWTOKEN2')).toBe(
      'GET https://x/api?token=[redacted]&proxy_type=1 failed',
    );
    expect(redact('GET /api?proxy_type=1&TOKEN=abc#frag', '')).toBe('GET /api?proxy_type=1&TOKEN=[redacted]#frag');
    expect(redact('"https://x/?a=1&token=zzz" and ?token=yyy', '')).toBe('"https://x/?a=1&token=[redacted]" and ?token=[redacted]');
  });

  it('leaves text without a secret alone', () => {
    expect(redact('fetch failed (ECONNREFUSED)', 'SECRET123')).toBe('fetch failed (ECONNREFUSED)');
    expect(redact('my_token=1 is not a query parameter', '')).toBe('my_token=1 is not a query parameter');
  });

  it('never leaves a random token, raw or encoded, in a message', () => {
    fc.assert(
      fc.property(token, fc.string(), fc.string(), (secret, before, after) => {
        const forms = [secret, encodeURIComponent(secret), `https://x/api?${new URLSearchParams({ token: secret })}&u=a`];
        for (const form of forms) {
          const out = redact(`${before}${form}${after}`, secret);
          expect(out).not.toContain(secret);
          expect(out).not.toContain(encodeURIComponent(secret));
        }
      }),
    );
  });

  it('leaves no part of the token behind when it appears raw in a token= parameter', () => {
    expect(redact('echo ?token=ab&cd#ef"gh', 'ab&cd#ef"gh')).toBe('echo ?token=[redacted]');
    fc.assert(
      fc.property(token, (secret) => {
        expect(redact(`request ?token=${secret} failed`, secret)).toBe('request ?token=[redacted] failed');
      }),
    );
  });
});
