import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { formatNumber, formatWhen } from '../../core/format';
import { locale, t } from '../../core/i18n';
import type { DateCounts } from '../../core/moderation-types';

/** <tocsin-rsvp-dates event-id zone>: a series' RSVP counts date by date, for its organizers (counts only). */
@customElement('tocsin-rsvp-dates')
export class RsvpDates extends LightElement {
  @property({ attribute: 'event-id' }) eventId = '';
  @property() zone = 'UTC';
  @state() private dates: DateCounts[] | null = null;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('eventId') && this.eventId) {
      api
        .get<DateCounts[]>(`/api/v1/events/${encodeURIComponent(this.eventId)}/rsvps/by-date`)
        .then((d) => (this.dates = d))
        .catch(() => (this.dates = null));
    }
  }

  render() {
    if (!this.dates || this.dates.length < 2) return nothing;
    const loc = locale();
    return html`<section class="rsvp-dates" aria-labelledby="rsvp-dates-h">
      <h2 id="rsvp-dates-h">${t('rsvpDates.heading')}</h2>
      <table>
        <thead><tr>
          <th scope="col">${t('event.when')}</th><th scope="col">${t('rsvpDates.going')}</th>
          <th scope="col">${t('rsvpDates.maybe')}</th><th scope="col">${t('rsvpDates.waitlisted')}</th>
        </tr></thead>
        <tbody>${this.dates.map(
          (d) => html`<tr class=${d.cancelled ? 'cancelled' : ''}>
            <td>${formatWhen(d.startUtc, d.endUtc, this.zone, loc).local}${d.cancelled ? html` <span class="badge">${t('rsvpDates.cancelled')}</span>` : nothing}</td>
            <td>${formatNumber(d.attendance?.going ?? 0, loc)}</td>
            <td>${formatNumber(d.attendance?.maybe ?? 0, loc)}</td>
            <td>${formatNumber(d.attendance?.waitlisted ?? 0, loc)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </section>`;
  }
}
