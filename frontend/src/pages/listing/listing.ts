import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import '../../shared/event-list';
import '../../shared/subscribe-panel';
import { api } from '../../core/api';
import { t } from '../../core/i18n';
import type { EventFilters, EventView } from '../../core/types';

/** What the city, organization and campaign pages share: a list of upcoming events and a Subscribe panel. */
export abstract class ListingPage extends LightElement {
  @state() protected items: EventView[] = [];
  @state() protected cursor: string | null = null;
  @state() protected loading = true;
  @state() protected error = '';

  protected abstract filters(): EventFilters;

  protected async loadEvents(more = false) {
    this.loading = true;
    try {
      const page = await api.events({
        ...this.filters(),
        limit: 50,
        cursor: more && this.cursor ? this.cursor : undefined,
      });
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.cursor = page.nextCursor ?? null;
    } catch {
      this.error = t('error.load');
    } finally {
      this.loading = false;
    }
  }

  protected eventsSection(feedPath: string) {
    return html`
      <div class="listing">
        <section aria-labelledby="upcoming-h">
          <h2 id="upcoming-h">${t('listing.upcoming')}</h2>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <tocsin-event-list .items=${this.items} ?loading=${this.loading}></tocsin-event-list>
          ${this.cursor ? html`<button type="button" class="secondary" @click=${() => this.loadEvents(true)}>${t('home.more')}</button>` : nothing}
        </section>
        <tocsin-subscribe feed-path=${feedPath}></tocsin-subscribe>
      </div>`;
  }
}
