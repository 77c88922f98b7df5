import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { focusOfNotification, focusToQuery, queryToFocus, rangeShowingHour, type DetailFocus } from '@/utils/details/focus';
import { UTC } from '@/utils/time/api-timezone';
import { userKey } from '../support/watching';

const ALICE = userKey(1, 'alice');
/** A name with a colon and a bar: the key's ends are parsed, not its middle. */
const ODD = userKey(3, 'team:a|b');

describe('a notification’s click', () => {
  it('focuses the hour an hourly rule judged, and the user of a user’s hourly rule', () => {
    expect(focusOfNotification('popup|hourly-total|hourly-total:2026-11-25 14')).toEqual({ kind: 'hour', hour: '2026-11-25 14', user: null });
    expect(focusOfNotification('popup|spike|spike:2026-11-25 03')).toEqual({ kind: 'hour', hour: '2026-11-25 03', user: null });
    expect(focusOfNotification(`popup|hourly-user|hourly-user:${ALICE}:2026-11-25 14`)).toEqual({ kind: 'hour', hour: '2026-11-25 14', user: ALICE });
    expect(focusOfNotification(`popup|hourly-user|hourly-user:${ODD}:2026-11-25 14`)).toEqual({ kind: 'hour', hour: '2026-11-25 14', user: ODD });
  });

  it('focuses the user of a user’s balance rule', () => {
    expect(focusOfNotification(`popup|user-balance|user-balance:${ALICE}`)).toEqual({ kind: 'user', user: ALICE });
  });

  it('focuses the budget’s day or cycle', () => {
    expect(focusOfNotification('popup|budget-use|budget-use:daily:80:2026-11-25')).toEqual({ kind: 'budget', period: 'daily', day: '2026-11-25' });
    expect(focusOfNotification('popup|budget-use|budget-use:cycle:100:2026-11-01')).toEqual({ kind: 'budget', period: 'cycle', day: '2026-11-01' });
    expect(focusOfNotification('popup|budget-forecast|budget-forecast:2026-11-01')).toEqual({ kind: 'budget', period: 'cycle', day: '2026-11-01' });
    expect(focusOfNotification('popup|rapid-use|rapid-use:2026-10-31')).toEqual({ kind: 'budget', period: 'cycle', day: '2026-10-31' });
  });

  it('focuses nothing for an account’s rule, a summary, an earlier version’s id or a malformed one', () => {
    for (const id of [
      'popup|account-balance|account-balance:1',
      'settings|token-rejected|token-rejected:1@123',
      'popup||summary:1764000000000',
      'popup|hourly-total:2026-11-25 14',
      'popup|hourly-total|hourly-total:2026-11-25 24',
      'popup|hourly-user|hourly-user:alice:2026-11-25 14',
      'popup|budget-use|budget-use:weekly:80:2026-11-25',
      'popup|budget-use|budget-use:daily:80:2026-02-30',
      'popup|spike|hourly-total:2026-11-25 14',
      '',
    ]) {
      expect(focusOfNotification(id), id).toEqual({ kind: 'none' });
    }
  });
});

describe('the focus in the page’s query', () => {
  const hours = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 13).replace('T', ' '));
  const users = fc.tuple(fc.stringMatching(/^[a-z0-9]{1,6}$/), fc.constantFrom(1, 2, 3), fc.string({ minLength: 1 })).map(([account, product, name]) => `${account}/${product}:${name}`);
  const focuses: fc.Arbitrary<DetailFocus> = fc.oneof(
    fc.record({ kind: fc.constant('hour' as const), hour: hours, user: fc.option(users, { nil: null }) }),
    fc.record({ kind: fc.constant('user' as const), user: users }),
    fc.record({ kind: fc.constant('budget' as const), period: fc.constantFrom('daily' as const, 'cycle' as const), day: hours.map((hour) => hour.slice(0, 10)) }),
    fc.constant({ kind: 'none' as const }),
  );

  it('reads back what was written', () => {
    fc.assert(fc.property(focuses, (focus) => {
        expect(queryToFocus(focusToQuery(focus))).toEqual(focus);
      }));
    expect(focusToQuery({ kind: 'hour', hour: '2026-11-25 14', user: null })).toBe('focus=hour&hour=2026-11-25+14');
  });

  it('is no focus when malformed, whatever the text', () => {
    expect(queryToFocus('focus=hour&hour=2026-11-25')).toEqual({ kind: 'none' });
    expect(queryToFocus('focus=user&user=alice')).toEqual({ kind: 'none' });
    expect(queryToFocus('focus=budget&period=daily&day=2026-13-01')).toEqual({ kind: 'none' });
    expect(queryToFocus('focus=everything')).toEqual({ kind: 'none' });
    expect(queryToFocus('')).toEqual({ kind: 'none' });
    fc.assert(fc.property(fc.string(), (text) => {
        expect(['hour', 'user', 'budget', 'none']).toContain(queryToFocus(text).kind);
      }));
  });
});

describe('the range showing a focused hour', () => {
  const now = Date.parse('2026-11-25T14:40:00Z');
  it('is the last 24 hours, else the week, else none', () => {
    expect(rangeShowingHour('2026-11-24 15', now, UTC)).toBe('24h');
    expect(rangeShowingHour('2026-11-24 14', now, UTC)).toBe('7d');
    expect(rangeShowingHour('2026-11-18 15', now, UTC)).toBe('7d');
    expect(rangeShowingHour('2026-11-18 14', now, UTC)).toBeNull();
  });
});
