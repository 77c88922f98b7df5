import { describe, expect, it } from 'vitest';
import englishMessages from '@/public/_locales/en/messages.json';
import chineseMessages from '@/public/_locales/zh_CN/messages.json';
import { fillMessage, type MessageCatalog } from '@/utils/i18n/i18n';

const marks = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('the _locales messages', () => {
  it('fills $1…$9 as i18n.getMessage does, and reads $$ as a dollar sign', () => {
    expect(fillMessage('$2 of $1 ($1)', ['a', 7])).toBe('7 of a (a)');
    expect(fillMessage('costs $$5, $3', ['x'])).toBe('costs $5, ');
  });

  it('has every English message in Chinese, with the same substitutions', () => {
    const english: MessageCatalog = englishMessages;
    const chinese: MessageCatalog = chineseMessages;
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english) as (keyof MessageCatalog)[]) {
      expect([key, marks(chinese[key].message)]).toEqual([key, marks(english[key].message)]);
      expect(chinese[key].message).not.toBe('');
    }
  });
});
