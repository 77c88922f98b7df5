import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import {
  convertDraftUnits,
  draftFromRules,
  validateAlertDraft,
  type AlertField,
  type AlertProblem,
  type AlertRulesDraft,
} from '@/utils/settings/alert-rules-form';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import { kb } from '@/utils/base/units';

const DRAFT = draftFromRules(DEFAULT_ALERT_RULES, 'binary');

function problemsOf(change: Partial<AlertRulesDraft>, units: TrafficUnits = 'binary') {
  const result = validateAlertDraft({ ...DRAFT, ...change }, units);
  return result.ok ? {} : result.error;
}

describe('validateAlertDraft', () => {
  it('accepts the defaults as they are shown', () => {
    expect(validateAlertDraft(DRAFT, 'binary')).toEqual({ ok: true, value: DEFAULT_ALERT_RULES });
  });

  it.each<[string, Partial<AlertRulesDraft>, AlertField, AlertProblem]>([
    ['an hourly total of 0', { hourlyTotalGb: '0' }, 'hourlyTotalGb', { code: 'amount-positive', min: 0, max: 100_000 }],
    ['an hourly total past the top', { hourlyTotalGb: '100001' }, 'hourlyTotalGb', { code: 'amount-positive', min: 0, max: 100_000 }],
    ['a user threshold in words', { hourlyUserGb: 'two' }, 'hourlyUserGb', { code: 'amount-positive', min: 0, max: 100_000 }],
    ['a spike factor of 1', { spikeFactor: '1' }, 'spikeFactor', { code: 'factor-range', min: 1.5, max: 100 }],
    ['a negative spike floor', { spikeFloorMb: '-5' }, 'spikeFloorMb', { code: 'amount-range', min: 0, max: 10_000_000 }],
    ['a percentage of 100', { userBalancePercent: '100' }, 'userBalancePercent', { code: 'percent-range', min: 1, max: 99 }],
    ['an empty account balance', { accountBalanceGb: '' }, 'accountBalanceGb', { code: 'amount-positive', min: 0, max: 10_000_000 }],
    ['half a day', { planExpiryDays: '0.5' }, 'planExpiryDays', { code: 'days-range', min: 1, max: 365 }],
    ['four minutes', { pollingBrokenMinutes: '4' }, 'pollingBrokenMinutes', { code: 'minutes-range', min: 5, max: 1440 }],
  ])('rejects %s with a problem for that field only', (_, change, field, problem) => {
    expect(problemsOf(change)).toEqual({ [field]: problem });
  });

  it('accepts a spike floor of 0 and the smallest positive amounts', () => {
    expect(problemsOf({ spikeFloorMb: '0', hourlyTotalGb: '0.001', accountBalanceGb: '0.5' })).toEqual({});
  });

  it('checks a switched-off rule too, so switching it on later cannot save nonsense', () => {
    expect(problemsOf({ hourlyUserOn: false, hourlyUserGb: '-1' })).toHaveProperty('hourlyUserGb');
  });
});

describe('convertDraftUnits', () => {
  it('re-expresses the traffic thresholds and nothing else', () => {
    const { exact, ...converted } = convertDraftUnits(DRAFT, 'binary', 'decimal');
    expect(converted).toEqual({
      ...DRAFT,
      exact: undefined,
      hourlyTotalGb: '5.369',
      hourlyUserGb: '2.147',
      spikeFloorMb: '104.858',
      accountBalanceGb: '10.737',
    });
    expect(exact.hourlyTotalGb).toEqual({ text: '5.369', kb: DEFAULT_ALERT_RULES.hourlyTotal.kb });
    expect(convertDraftUnits(DRAFT, 'binary', 'binary')).toBe(DRAFT);
  });

  it('leaves text that is not a number as typed', () => {
    const draft = { ...DRAFT, hourlyTotalGb: '', hourlyUserGb: '1,5', spikeFloorMb: 'abc' };
    const converted = convertDraftUnits(draft, 'decimal', 'binary');
    expect([converted.hourlyTotalGb, converted.hourlyUserGb, converted.spikeFloorMb]).toEqual(['', '1,5', 'abc']);
  });

  const typed = fc.double({ min: 0.001, max: 50_000, noNaN: true }).map((value) => String(Number(value.toFixed(3))));
  const units = fc.constantFrom<TrafficUnits>('binary', 'decimal');
  const other = (from: TrafficUnits): TrafficUnits => (from === 'binary' ? 'decimal' : 'binary');

  it('keeps exactly the amount each threshold means, however often the units change', () => {
    fc.assert(
      fc.property(typed, typed, units, fc.integer({ min: 1, max: 4 }), (gb, mb, from, switches) => {
        let draft = { ...DRAFT, hourlyTotalGb: gb, spikeFloorMb: mb };
        const before = validateAlertDraft(draft, from);
        let current = from;
        for (let i = 0; i < switches; i += 1) {
          draft = convertDraftUnits(draft, current, other(current));
          current = other(current);
        }
        expect(validateAlertDraft(draft, current)).toEqual(before);
      }),
    );
  });

  it('shows the typed text again after switching there and back', () => {
    fc.assert(
      fc.property(typed, units, (gb, from) => {
        const draft = { ...DRAFT, hourlyTotalGb: gb, accountBalanceGb: gb };
        const back = convertDraftUnits(convertDraftUnits(draft, from, other(from)), other(from), from);
        expect([back.hourlyTotalGb, back.accountBalanceGb]).toEqual([gb, gb]);
      }),
    );
  });

  it('keeps a stored threshold exact when the page shows it rounded', () => {
    const rules = { ...DEFAULT_ALERT_RULES, hourlyTotal: { enabled: true, kb: kb(1234567.891) } };
    const draft = draftFromRules(rules, 'decimal');
    expect(draft.hourlyTotalGb).toBe('1.264');
    expect(validateAlertDraft(draft, 'decimal')).toEqual({ ok: true, value: rules });
  });

  it('shows a small amount without rounding it to 0', () => {
    const rules = { ...DEFAULT_ALERT_RULES, hourlyUser: { enabled: true, kb: kb(512) } };
    expect(draftFromRules(rules, 'binary').hourlyUserGb).toBe('0.0004883');
  });
});
