import { describe, expect, it } from 'vitest';
import { cityName } from './city-names';

describe('city names', () => {
  it("names a city by the gazetteer's name in the UI's language, else as events name it", () => {
    const tehran = { city: 'Tehran', cityNames: { fa: 'تهران' } };
    expect(cityName(tehran, 'fa')).toBe('تهران');
    expect(cityName(tehran, 'en')).toBe('Tehran');
    // A city the gazetteer does not know has no other names: its own name in every language.
    expect(cityName({ city: 'Listtown' }, 'fa')).toBe('Listtown');
  });
});
