import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ListingPage } from './listing';
import { api } from '../../core/api';
import { lang, locale, t } from '../../core/i18n';
import { formatNumber } from '../../core/format';
import { paths } from '../../core/router';
import type { Campaign } from '../../core/types';
import { campaignMap, landOutlines } from './campaign-map';
import './host-action';
import '../moderation/report-dialog';
import './review-queue';
import './call-editor';
import type { HostAction } from './host-action';
import { cityName } from '../../core/city-names';

/** /campaigns/{slug}: the day of action as a world map and a list of cities with counts, its actions and its calendar. */
@customElement('tocsin-campaign-page')
export class CampaignPage extends ListingPage {
  @property() slug = '';
  @state() private campaign: Campaign | null = null;
  @state() private missing = false;
  /** The map's land outlines, once fetched (they are only fetched for a campaign with a map). */
  @state() private land = '';

  protected filters() {
    return { campaign: this.slug };
  }

  protected willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('slug')) return;
    this.campaign = null;
    this.missing = false;
    api
      .campaign(this.slug)
      .then((c) => {
        this.campaign = c;
        if ((c.cities ?? []).some((city) => typeof city.lat === 'number'))
          void landOutlines().then((d) => (this.land = d));
      })
      .catch(() => {
        this.missing = true;
      });
    void this.loadEvents();
  }

  render() {
    if (this.missing) return html`<h1>${t('error.notFound')}</h1>`;
    const c = this.campaign;
    if (!c) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    document.title = `${c.name} · Tocsin`;
    const loc = locale();
    const cities = c.cities ?? [];
    return html`
      <h1 dir="auto">${c.name}</h1>
      ${c.description ? html`<p class="lede" dir="auto">${c.description}</p>` : nothing}
      <p>${t('campaign.by')} <a href=${paths.organization(c.organization.slug)}>${c.organization.name}</a></p>
      <section aria-labelledby="cities-h">
        <h2 id="cities-h">${t('campaign.cities', { cities: cities.length, events: c.totalEvents ?? 0 })}</h2>
        ${campaignMap(cities, t('campaign.map'), this.land)}
        <ul class="city-counts">
          ${cities.map(
            (city) => html`<li>
            ${city.cityKey.includes('/') ? html`<a href=${paths.city(city.cityKey)}>${cityName(city, lang())}</a>` : html`<span>${t('event.online')}</span>`}
            <span class="count">${formatNumber(city.events, loc)}</span>
          </li>`,
          )}
        </ul>
      </section>
      ${this.eventsSection(`/feeds/campaigns/${encodeURIComponent(this.slug)}`)}
      <tocsin-host-action slug=${this.slug}></tocsin-host-action>
      <tocsin-call-editor .campaign=${c}
        @call-saved=${() => void this.querySelector<HostAction>('tocsin-host-action')?.reload()}></tocsin-call-editor>
      <tocsin-review-queue slug=${this.slug}></tocsin-review-queue>
      <tocsin-report kind="CAMPAIGN" target=${this.slug}></tocsin-report>`;
  }
}
