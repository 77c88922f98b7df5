import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { CATALOGUE_FILES, readCatalogue } from '@/scripts/lib/catalogues';
import { catalogTranslate, fillMessage } from '@/utils/i18n/i18n';
import { setUiLanguage } from '../support/setup-locales';

const english = await readCatalogue('en');
const chinese = await readCatalogue('zh-CN');
const marks = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

/** Every source file that may use a key: what ships, and the manifest's config. */
function sourceText(): string {
  const files: string[] = ['wxt.config.ts'];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) files.push(path);
    }
  };
  for (const dir of ['utils', 'components', 'entrypoints']) walk(dir);
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('the catalogues', () => {
  it('fill $1…$9 as i18n.getMessage does, and read $$ as a dollar sign', () => {
    expect(fillMessage('$2 of $1 ($1)', ['a', 7])).toBe('7 of a (a)');
    expect(fillMessage('costs $$5, $3', ['x'])).toBe('costs $5, ');
  });

  it('have every English key in Chinese and no other, with the same placeholders', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(english)) {
      const translated = chinese[key]?.message ?? '';
      expect([key, marks(translated)]).toEqual([key, marks(message)]);
      expect(translated, key).not.toBe('');
    }
  });

  it.each(Object.entries(CATALOGUE_FILES))('give Chrome no $name$ it does not know (%s): it would refuse the whole extension', async (_, file) => {
    const shipped = generateChromeMessages(await parseMessagesFile(file));
    for (const [key, { message, placeholders = {} }] of Object.entries(shipped)) {
      const names = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map(([, name]) => name?.toLowerCase() ?? '');
      expect([key, names.filter((name) => !(name in placeholders))]).toEqual([key, []]);
    }
  });

  it('have no dead key: each is used in the source, as `i18n.t` names it or as the manifest does', () => {
    const source = sourceText();
    // The generated messages.json joins nested keys with `_`; the source names them with dots.
    const dotted = (key: string) => key.replaceAll('_', '.');
    const unused = Object.keys(english).filter((key) => !source.includes(`'${dotted(key)}'`) && !source.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('translate in the tests as the extension does: catalogTranslate answers as i18n.t over getMessage', () => {
    const t = catalogTranslate(english);
    expect(t('popup.updated', ['5 min ago'])).toBe(i18n.t('popup.updated', ['5 min ago']));
    for (const count of [0, 1, 2, 7]) {
      expect(t('alert.planExpiresTitle', count)).toBe(i18n.t('alert.planExpiresTitle', count));
      expect(t('popup.planExpires', count, ['2026-12-01', count])).toBe(i18n.t('popup.planExpires', count, ['2026-12-01', count]));
      expect(t('popup.forecast', count, [count, 'Dec 1'])).toBe(i18n.t('popup.forecast', count, [count, 'Dec 1']));
    }
    expect(i18n.t('alert.planExpiresTitle', 1)).toBe('Thordata plan expires in 1 day');
    expect(i18n.t('alert.planExpiresTitle', 3)).toBe('Thordata plan expires in 3 days');
    setUiLanguage('zh-CN');
    const zh = catalogTranslate(chinese);
    for (const count of [0, 1, 2]) expect(zh('popup.forecast', count, [count, '12月1日'])).toBe(i18n.t('popup.forecast', count, [count, '12月1日']));
    expect(i18n.t('alert.planExpiresTitle', 0)).toBe('Thordata 套餐今天到期');
  });
});
