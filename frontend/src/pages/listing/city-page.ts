import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ListingPage } from './listing';
import { lang, locale, t } from '../../core/i18n';
import { countryName } from '../../core/format';
import { cityName } from '../../core/city-names';

/** /cities/{countryCode}/{city}: a city's actions and its calendar. */
@customElement('tocsin-city-page')
export class CityPage extends ListingPage {
  @property() country = '';
  @property() city = '';

  protected filters() {
    return { country: this.country, city: this.city };
  }

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('country') || changed.has('city')) void this.loadEvents();
  }

  render() {
    const place = this.items[0]?.place;
    const name = place ? cityName(place, lang()) : this.city.replace(/-/g, ' ');
    document.title = `${name} · Tocsin`;
    return html`
      <h1>${t('city.title', { city: name })}</h1>
      <p class="lede">${countryName(this.country, locale())}</p>
      ${this.eventsSection(`/feeds/cities/${this.country.toLowerCase()}/${encodeURIComponent(this.city)}`)}`;
  }
}
