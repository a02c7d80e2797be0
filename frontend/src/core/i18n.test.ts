import { beforeEach, describe, expect, it } from 'vitest';
import { LOCALES, initLanguage, pickLanguage, setLanguage, t, translate } from './i18n';
import en from '../locales/en';

describe('languages', () => {
  beforeEach(() => localStorage.clear());

  it('every language has every message of the English file, and no empty one', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(['en', 'fa']);
    for (const loc of Object.values(LOCALES)) {
      expect(Object.keys(loc.messages).sort()).toEqual(Object.keys(en.messages).sort());
      for (const [k, v] of Object.entries(loc.messages)) expect(v.trim(), `${loc.lang} ${k}`).not.toBe('');
    }
  });

  it('placeholders survive translation', () => {
    for (const loc of Object.values(LOCALES)) {
      for (const [k, v] of Object.entries(en.messages)) {
        const wanted = (v.match(/\{\w+\}/g) ?? []).sort();
        expect(
          (loc.messages[k as keyof typeof en.messages].match(/\{\w+\}/g) ?? []).sort(),
          `${loc.lang} ${k}`,
        ).toEqual(wanted);
      }
    }
  });

  it('chooses ?lang= first, then what was remembered, then the browser', () => {
    expect(initLanguage('?lang=fa', ['en-US']).lang).toBe('fa');
    expect(document.documentElement.lang).toBe('fa');
    expect(document.documentElement.dir).toBe('rtl');
    expect(initLanguage('', ['en-US']).lang).toBe('fa'); // remembered
    localStorage.clear();
    expect(initLanguage('', ['de-DE', 'fa-IR']).lang).toBe('fa');
    localStorage.clear();
    expect(initLanguage('?lang=xx', ['de-DE']).lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('fills placeholders, with Persian digits in Persian', () => {
    setLanguage('en', false);
    expect(t('event.going', { n: 12 })).toBe('12 going');
    expect(translate(LOCALES.fa, 'event.going', { n: 12 })).toBe('۱۲ نفر می‌آیند');
    expect(pickLanguage(['FA_ir'])).toBe('fa');
  });
});
