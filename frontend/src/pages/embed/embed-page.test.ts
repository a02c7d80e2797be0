import { describe, expect, it } from 'vitest';
import './embed-page';
import { embedLimit } from './embed-page';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';

freshPageEachTest();

describe('the embed page’s number of events', () => {
  it('reads Persian, Arabic-Indic and Latin digits, caps at 50 and keeps the last good value otherwise', () => {
    expect(embedLimit('۱۰', '5')).toBe('10');
    expect(embedLimit('١٢', '5')).toBe('12');
    expect(embedLimit(' 7 ', '5')).toBe('7');
    expect(embedLimit('۹۹', '5')).toBe('50');
    expect(embedLimit('', '8')).toBe('8');
    expect(embedLimit('۰', '8')).toBe('8');
    expect(embedLimit('ten', '8')).toBe('8');
  });

  it('shows the count in Persian digits in a text field and puts the typed Persian number into the snippet', async () => {
    setLanguage('fa', false);
    fakeFetch({});
    const el = document.createElement('tocsin-embed-page');
    document.body.append(el);
    await until(() => !!el.querySelector('#em-limit'), 'the form');
    const limit = el.querySelector<HTMLInputElement>('#em-limit')!;
    // A number field would drop "۱۰" in some browsers; a text field with a digit keyboard keeps it.
    expect(limit.type).toBe('text');
    expect(limit.getAttribute('inputmode')).toBe('numeric');
    expect(limit.value).toBe('۵');
    limit.value = '۱۰';
    limit.dispatchEvent(new Event('change'));
    await until(() => el.querySelector<HTMLTextAreaElement>('#em-code')!.value.includes('limit="10"'), 'the snippet');
    expect(limit.value).toBe('۱۰');
  });
});
