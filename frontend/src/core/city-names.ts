/**
 * A city as the API names it: the name events give it, and its names in other languages (the server's
 * gazetteer's, { fa: 'تهران' }). No import of the app's messages: the embeddable widget uses this too.
 */
export interface NamedCity {
  city: string;
  cityNames?: Record<string, string>;
}

/** The city's name in a UI language: the gazetteer's name there ("تهران"), else the name events give it. */
export function cityName(c: NamedCity, language: string): string {
  return c.cityNames?.[language] ?? c.city;
}
