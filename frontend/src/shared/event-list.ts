import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LightElement } from './light-element';
import { lang, locale, t, type MessageKey } from '../core/i18n';
import { formatWhen } from '../core/format';
import { paths } from '../core/router';
import type { EventView } from '../core/types';
import { cityName } from '../core/city-names';

export function kindLabel(kind: string): string {
  return t(`kind.${kind}` as MessageKey);
}

/** Where an event is, in a line: venue and city, online, or only the city when the place is for attendees. */
export function placeLine(e: EventView): string {
  const parts: string[] = [];
  if (e.place) {
    if (e.place.venue && !e.locationHidden) parts.push(e.place.venue);
    parts.push(cityName(e.place, lang()));
  }
  if (e.online) parts.push(t('event.online'));
  else if (!e.place) parts.push(t('event.online'));
  return parts.join(' · ');
}

/** A list of actions: one card per occurrence, with times in the event's zone and the viewer's. */
@customElement('tocsin-event-list')
export class EventList extends LightElement {
  @property({ attribute: false }) items: EventView[] = [];
  @property({ type: Boolean }) loading = false;

  render() {
    if (this.loading && !this.items.length) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    if (!this.items.length) return html`<p class="empty">${t('events.none')}</p>`;
    const loc = locale();
    return html`<ol class="event-list">
      ${this.items.map((e) => {
        const when = formatWhen(e.startUtc, e.endUtc, e.timeZone, loc);
        const cancelled = e.status === 'CANCELLED';
        return html`<li class="event-card ${cancelled ? 'cancelled' : ''}">
          <h3 dir="auto"><a href=${paths.event(e.id, e.recurrence ? e.recurrenceId : undefined)}>${e.title}</a></h3>
          ${cancelled ? html`<p class="badge badge-cancelled">${t('event.cancelled')}</p>` : nothing}
          <p class="when"><time datetime=${e.startUtc}>${when.local}</time></p>
          ${when.gregorian ? html`<p class="secondary">${when.gregorian}</p>` : nothing}
          ${when.viewer ? html`<p class="secondary">${t('event.yourTime', { time: when.viewer })}</p>` : nothing}
          <p class="meta">
            <span class="kind">${kindLabel(e.kind)}</span> · <span>${placeLine(e)}</span> ·
            <a href=${paths.organization(e.organization.slug)}>${e.organization.name}</a>
          </p>
        </li>`;
      })}
    </ol>`;
  }
}
