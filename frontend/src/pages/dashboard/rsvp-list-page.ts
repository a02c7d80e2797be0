import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api, ApiError } from '../../core/api';
import { locale, t, type MessageKey } from '../../core/i18n';
import { formatWhen } from '../../core/format';
import { paths } from '../../core/router';
import type { EventView } from '../../core/types';
import '../moderation/rsvp-dates';

/** One RSVP as the event's organizers see it (GET /api/v1/events/{id}/rsvps). */
interface Entry {
  id: string;
  occurrence?: string;
  occurrenceStartUtc?: string;
  name: string;
  email?: string;
  response: string;
  guests: number;
  state: string;
  waitlistPosition?: number;
}

/** /dashboard/events/{id}/rsvps: the organizers' list, approval and export. Names and emails stay here. */
@customElement('tocsin-rsvp-list-page')
export class RsvpListPage extends LightElement {
  @property() eventId = '';
  @state() private event: EventView | null = null;
  @state() private entries: Entry[] | null = null;
  @state() private message = '';

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('eventId')) void this.load();
  }

  private async load() {
    try {
      [this.event, this.entries] = await Promise.all([
        api.event(this.eventId),
        api.get<Entry[]>(`/api/v1/events/${encodeURIComponent(this.eventId)}/rsvps`),
      ]);
    } catch (e) {
      this.message = e instanceof ApiError ? e.message : t('error.load');
      this.entries ??= [];
    }
  }

  private async decide(entry: Entry, action: 'approve' | 'decline') {
    try {
      await api.post(
        `/api/v1/events/${encodeURIComponent(this.eventId)}/rsvps/${encodeURIComponent(entry.id)}/${action}`,
      );
      this.message = t(action === 'approve' ? 'rsvps.approved' : 'rsvps.declined', { name: entry.name });
      await this.load();
    } catch (e) {
      this.message = e instanceof ApiError ? e.message : t('error.save');
    }
  }

  render() {
    document.title = `${t('rsvps.title')} · Tocsin`;
    const e = this.event;
    const loc = locale();
    return html`
      ${e ? html`<p><a href=${paths.orgAdmin(e.organization.slug)}>${t('dashboard.backToOrg')}</a></p>` : nothing}
      <h1>${t('rsvps.title')}</h1>
      ${e ? html`<p dir="auto"><a href=${paths.event(e.id)}>${e.title}</a></p>` : nothing}
      <p class="secondary">${t('rsvps.privacy')}</p>
      <p><a class="button secondary" href="/api/v1/events/${encodeURIComponent(this.eventId)}/rsvps.csv" download>${t('dashboard.exportRsvps')}</a></p>
      ${e?.recurrence ? html`<tocsin-rsvp-dates event-id=${e.id} zone=${e.timeZone}></tocsin-rsvp-dates>` : nothing}
      <p class="status" aria-live="polite">${this.message}</p>
      ${
        this.entries === null
          ? html`<p>${t('common.loading')}</p>`
          : this.entries.length === 0
            ? html`<p>${t('rsvps.none')}</p>`
            : html`
        <table>
          <thead><tr>
            <th scope="col">${t('rsvp.name')}</th><th scope="col">${t('account.email')}</th><th scope="col">${t('rsvp.response')}</th>
            <th scope="col">${t('rsvp.guests')}</th><th scope="col">${t('dashboard.status')}</th><th scope="col">${t('event.when')}</th>
            <th scope="col"><span class="visually-hidden">${t('dashboard.actions')}</span></th>
          </tr></thead>
          <tbody>${this.entries.map(
            (r) => html`<tr>
            <td dir="auto">${r.name}</td>
            <td dir="ltr">${r.email ?? ''}</td>
            <td>${t(`rsvp.response.${r.response}` as MessageKey)}</td>
            <td>${r.guests}</td>
            <td>${t(`rsvps.state.${r.state}` as MessageKey)}${r.waitlistPosition ? ` (${r.waitlistPosition})` : ''}</td>
            <td>${r.occurrenceStartUtc && e ? formatWhen(r.occurrenceStartUtc, r.occurrenceStartUtc, e.timeZone, loc).local.split(' – ')[0] : ''}</td>
            <td>${
              r.state === 'PENDING'
                ? html`
              <button type="button" class="link" @click=${() => this.decide(r, 'approve')}>${t('rsvps.approve')}<span class="visually-hidden"> ${r.name}</span></button>
              <button type="button" class="link danger" @click=${() => this.decide(r, 'decline')}>${t('rsvps.decline')}<span class="visually-hidden"> ${r.name}</span></button>`
                : nothing
            }</td>
          </tr>`,
          )}</tbody>
        </table>`
      }`;
  }
}
