import { describe, expect, it } from 'vitest';
import { LOCALES } from '../core/i18n';
import { WIDGET_KEYS, WIDGET_LOCALES, widgetLocale } from './widget-words';

describe("the widget's own words", () => {
  it("are the app dictionaries' words, with the same date style, in every language the app speaks", () => {
    expect(Object.keys(WIDGET_LOCALES).sort()).toEqual(Object.keys(LOCALES).sort());
    for (const [lang, app] of Object.entries(LOCALES)) {
      const widget = WIDGET_LOCALES[lang];
      for (const key of WIDGET_KEYS) expect(widget.words[key], `${lang} ${key}`).toBe(app.messages[key]);
      const { lang: l, dir, intl, gregorianIntl, weekdaySeparator, separator } = app;
      expect({ lang: l, dir, intl, gregorianIntl, weekdaySeparator, separator }).toEqual({
        lang: widget.lang,
        dir: widget.dir,
        intl: widget.intl,
        gregorianIntl: widget.gregorianIntl,
        weekdaySeparator: widget.weekdaySeparator,
        separator: widget.separator,
      });
    }
  });

  it('pick the language of the page, English otherwise', () => {
    expect(widgetLocale('fa-IR').lang).toBe('fa');
    expect(widgetLocale('de').lang).toBe('en');
    expect(widgetLocale(undefined).lang).toBe('en');
  });
});
