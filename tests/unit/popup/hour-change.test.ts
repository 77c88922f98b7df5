import { describe, expect, it } from 'vitest';
import { compareWithPreviousHour, describeHourChange } from '@/utils/popup/hour-change';
import { ENGLISH } from '../support/languages';

const START = Date.parse('2026-11-25T14:00:00Z');
const minutes = (m: number) => START + m * 60_000;

describe('this hour against the previous one', () => {
  it('compares the pace of the running hour, not its partial total', () => {
    // 30 minutes in with 60 KB: a pace of 120 KB an hour against 100 KB.
    expect(compareWithPreviousHour(60, 100, START, minutes(30))).toEqual({ kind: 'pace', percent: 20 });
    expect(compareWithPreviousHour(25, 100, START, minutes(45))).toEqual({ kind: 'pace', percent: -67 });
  });

  it('does not guess a pace in the first quarter of the hour', () => {
    expect(compareWithPreviousHour(5, 100, START, minutes(5))).toEqual({ kind: 'too-early' });
    expect(describeHourChange({ kind: 'too-early' }, '100 KiB', ENGLISH.t)).toBe('Previous hour: 100 KiB');
  });

  it('says so when the previous hour had no traffic', () => {
    expect(compareWithPreviousHour(5, 0, START, minutes(40))).toEqual({ kind: 'no-previous' });
  });

  it('words the change with its direction', () => {
    expect(describeHourChange({ kind: 'pace', percent: 20 }, '1 GiB', ENGLISH.t)).toBe('▲ 20% pace vs previous hour (1 GiB)');
    expect(describeHourChange({ kind: 'pace', percent: -5 }, '1 GiB', ENGLISH.t)).toBe('▼ 5% pace vs previous hour (1 GiB)');
    expect(describeHourChange({ kind: 'pace', percent: 0 }, '1 GiB', ENGLISH.t)).toBe('On pace with the previous hour (1 GiB)');
  });
});
