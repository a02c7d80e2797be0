import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { kindLabel } from '../../shared/event-list';
import './rsvp-form';
import { occurrenceTimes } from './move-occurrence';
import { api, ApiError } from '../../core/api';
import { lang, locale, t } from '../../core/i18n';
import {
  countdown,
  formatDate,
  formatNumber,
  formatTime,
  formatWhen,
  countryName,
  localToUtc,
} from '../../core/format';
import { paths, safeUrl } from '../../core/router';
import { parseWeekly, weekdayName } from '../../core/rrule';
import { eventJsonLd } from './jsonld';
import { accessibilityLabel, languageName } from '../../core/accessibility';
import '../moderation/report-dialog';
import { currentUser } from '../../core/session';
import type { EventView, Role } from '../../core/types';
import { cityName } from '../../core/city-names';
import { eventIcsPath } from '../../core/subscribe-links';

/** /events/{id}: everything about one action, and the RSVP form. */
@customElement('tocsin-event-page')
export class EventPage extends LightElement {
  @property() eventId = '';
  /** One occurrence of a series (its recurrenceId, e.g. "2027-03-04T18:00"), from ?occurrence=. */
  @property() occurrence = '';
  @state() private event: EventView | null = null;
  /** The date named by ?occurrence=, as the API answers it: its own status and counts. */
  @state() private date: EventView | null = null;
  @state() private error = '';
  @state() private shared = '';
  /** The signed-in person's role in the organizing group, if any: organizers get edit links here. */
  @state() private myRole: Role | undefined;
  /** An organizer opened the form that moves this date. */
  @state() private moving = false;
  /** The organizers' notes for attendees, when this viewer may read them (organizers, people going). */
  @state() private notesHtml = '';
  private jsonLd?: HTMLScriptElement;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('eventId') || changed.has('occurrence')) void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.jsonLd?.remove();
  }

  private async load() {
    try {
      const [event, date] = await Promise.all([
        api.event(this.eventId),
        this.occurrence ? api.event(this.eventId, this.occurrence).catch(() => null) : Promise.resolve(null),
      ]);
      this.event = event;
      // A date no longer in the series answers the series as a whole: then there is no date to show.
      this.date = date?.recurrenceId ? date : null;
      this.error = '';
      this.updateJsonLd();
      const slug = this.event.organization.slug;
      if (await currentUser()) {
        this.myRole = (await api.organization(slug).catch(() => null))?.myRole;
        this.notesHtml = (await api.eventNotes(this.event.id).catch(() => null))?.html ?? '';
      }
    } catch (e) {
      this.error = e instanceof ApiError && e.status === 404 ? t('error.notFound') : t('error.load');
    }
  }

  private publish = async () => {
    if (!this.event) return;
    try {
      this.event = await api.publishEvent(this.event.id);
    } catch {
      this.error = t('error.save');
    }
  };

  protected updated(): void {
    // User-written paragraphs may be in either direction, whatever the page's language.
    this.querySelectorAll<HTMLElement>('.description > *').forEach((p) => {
      p.dir = 'auto';
    });
  }

  private updateJsonLd() {
    if (!this.event) return;
    // A data block, not a script: the CSP's script-src does not apply to it and nothing runs. The one the server
    // rendered into the page is taken over, so search engines and previews never see two.
    this.jsonLd ??=
      (document.getElementById('event-jsonld') as HTMLScriptElement | null) ??
      Object.assign(document.createElement('script'), {
        type: 'application/ld+json',
        id: 'event-jsonld',
      });
    this.jsonLd.textContent = JSON.stringify(eventJsonLd(this.event, location.origin));
    if (!this.jsonLd.isConnected) document.head.append(this.jsonLd);
  }

  /** Cancels (or restores) one date of a series, leaving the others. */
  private async toggleOccurrence(cancelled: boolean) {
    if (!this.event || !this.occurrence) return;
    const path = `/api/v1/events/${encodeURIComponent(this.event.id)}/occurrences/${encodeURIComponent(this.occurrence)}`;
    try {
      this.event = cancelled ? await api.put<EventView>(path, { cancelled: true }) : await api.del<EventView>(path);
      this.shared = cancelled ? t('event.dateCancelled') : t('event.dateRestored');
    } catch (e) {
      this.shared = e instanceof ApiError ? e.message : t('error.save');
    }
  }

  private moved(ev: CustomEvent<EventView>) {
    this.event = ev.detail;
    this.moving = false;
    this.shared = t('event.dateMoved');
  }

  private async share() {
    const url = `${location.origin}${paths.event(this.eventId)}`;
    try {
      if (navigator.share) await navigator.share({ title: this.event?.title, url });
      else {
        await navigator.clipboard.writeText(url);
        this.shared = t('event.linkCopied');
      }
    } catch {
      this.shared = url;
    }
  }

  render() {
    if (this.error) {
      return html`<h1>${this.error}</h1>${this.error === t('error.notFound') ? html`<p>${t('report.removedNotice')}</p>` : nothing}`;
    }
    const e = this.event;
    if (!e) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    document.title = `${e.title} · Tocsin`;
    const loc = locale();
    // One date of a series: its own start and end (as moved, if it was; otherwise the series' duration).
    const times = this.occurrence && e.recurrence ? occurrenceTimes(e, this.occurrence) : null;
    const startUtc = times ? localToUtc(times.start, e.timeZone) : e.startUtc;
    const endUtc = times ? localToUtc(times.end, e.timeZone) : e.endUtc;
    const when = formatWhen(startUtc, endUtc, e.timeZone, loc);
    const occurrenceCancelled =
      !!this.occurrence && !!e.overrides?.some((o) => o.recurrenceId === this.occurrence && o.cancelled);
    const cancelled = e.status === 'CANCELLED' || occurrenceCancelled;
    const soon = cancelled ? undefined : countdown(startUtc, loc);
    const weekly = parseWeekly(e.recurrence?.rrule, e.start, e.timeZone);
    // One date's page counts that date's answers, not the series' next date's.
    const a = this.date ? this.date.attendance : e.attendance;
    const at = (utc: string) =>
      `${formatDate(utc, e.timeZone, loc)}${loc.separator}${formatTime(utc, e.timeZone, loc)}`;
    const movedFrom =
      this.occurrence && e.recurrence && times && times.start !== this.occurrence.slice(0, 16)
        ? t('event.movedFromTo', { from: at(localToUtc(this.occurrence.slice(0, 16), e.timeZone)), to: at(startUtc) })
        : '';
    return html`
      <article class="event ${cancelled ? 'cancelled' : ''}">
        <p class="kind">${kindLabel(e.kind)}</p>
        <h1 dir="auto">${e.title}</h1>
        ${
          cancelled
            ? html`<div class="banner banner-cancelled" role="status">
          <strong>${occurrenceCancelled && e.status !== 'CANCELLED' ? t('event.dateCancelledBanner') : t('event.cancelledBanner')}</strong>${e.statusReason ? html` ${e.statusReason}` : nothing}</div>`
            : nothing
        }
        ${movedFrom ? html`<div class="banner" role="status" data-date-moved><strong>${movedFrom}</strong></div>` : nothing}
        ${
          e.draft
            ? html`<div class="banner" role="status"><strong>${e.publishAt ? t('hosting.scheduledBanner', { when: new Date(e.publishAt).toLocaleString(loc.intl) }) : t('hosting.draftBanner')}</strong>
          ${this.myRole && this.myRole !== 'MEMBER' ? html` <button type="button" @click=${this.publish}>${t('hosting.publishNow')}</button>` : nothing}</div>`
            : nothing
        }
        ${e.status === 'POSTPONED' ? html`<div class="banner" role="status"><strong>${t('event.postponed')}</strong></div>` : nothing}
        <dl class="facts">
          <dt>${t('event.when')}</dt>
          <dd>
            <time datetime=${startUtc}>${when.local}</time>
            ${when.gregorian ? html`<br /><span class="secondary">${when.gregorian}</span>` : nothing}
            ${when.viewer ? html`<br /><span class="secondary">${t('event.yourTime', { time: when.viewer })}</span>` : nothing}
            ${weekly ? html`<br /><span>${weekly.until ? t('event.weeklyUntil', { day: weekdayName(weekly.weekday, loc.intl), until: weekly.until }) : t('event.weekly', { day: weekdayName(weekly.weekday, loc.intl) })}</span>` : nothing}
            ${soon ? html`<br /><span class="countdown">${t('event.startsIn', { when: soon })}</span>` : nothing}
          </dd>
          <dt>${t('event.where')}</dt>
          <dd>${this.where(e)}</dd>
          ${
            e.online?.url
              ? html`<dt>${t('event.onlineLink')}</dt>
            <dd>${safeUrl(e.online.url) ? html`<a href=${safeUrl(e.online.url)!} rel="noopener noreferrer" dir="ltr">${e.online.platform || e.online.url}</a>` : html`<span dir="ltr">${e.online.url}</span>`}</dd>`
              : nothing
          }
          <dt>${t('event.organizer')}</dt>
          <dd><a href=${paths.organization(e.organization.slug)}>${e.organization.name}</a>
            ${e.campaign ? html` · <a href=${paths.campaign(e.campaign.slug)}>${e.campaign.name}</a>` : nothing}</dd>
          ${
            e.coHosts?.length
              ? html`<dt>${t('event.coHosts')}</dt>
            <dd class="cohosts">${e.coHosts.map((o, i) => html`${i ? locale().separator : ''}<a href=${paths.organization(o.slug)} dir="auto">${o.name}</a>`)}</dd>`
              : nothing
          }
          ${
            e.accessibility
              ? html`<dt>${t('event.accessibility')}</dt>
            <dd class="accessibility"><ul class="plain">${e.accessibility.features.map((f) => html`<li>${accessibilityLabel(f)}</li>`)}</ul>
              ${e.accessibility.note ? html`<p dir="auto">${e.accessibility.note}</p>` : nothing}</dd>`
              : nothing
          }
          ${
            e.languages?.length
              ? html`<dt>${t('event.languages')}</dt>
            <dd>${e.languages.map((l) => languageName(l)).join(', ')}</dd>`
              : nothing
          }
          ${
            e.speakers?.length
              ? html`<dt>${t('event.speakers')}</dt>
            <dd><ul class="plain">${e.speakers.map((s) => html`<li>${s.name}${s.affiliation ? html` <span class="secondary">(${s.affiliation})</span>` : nothing}</li>`)}</ul></dd>`
              : nothing
          }
          ${
            a
              ? html`<dt>${t('event.attendance')}</dt>
            <dd class="attendance" aria-live="polite">
              <span data-count="going">${t('event.going', { n: a.going })}</span> ·
              <span data-count="maybe">${t('event.maybe', { n: a.maybe })}</span>
              ${a.waitlisted ? html` · <span>${t('event.waitlisted', { n: a.waitlisted })}</span>` : nothing}
              ${a.capacity != null ? html` · <span>${t('event.spotsLeft', { n: a.spotsLeft ?? 0, capacity: formatNumber(a.capacity, loc) })}</span>` : nothing}
            </dd>`
              : nothing
          }
        </dl>
        ${
          e.descriptionHtml
            ? html`<div class="description" .innerHTML=${e.descriptionHtml}></div>`
            : e.description
              ? html`<p class="description" dir="auto">${e.description}</p>`
              : nothing
        }
        ${
          this.notesHtml
            ? html`<section class="private-notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">${t('hosting.notesHeading')}</h2>
          <div class="description" .innerHTML=${this.notesHtml}></div></section>`
            : nothing
        }
        <p class="actions">
          <a class="button secondary" href=${eventIcsPath(e.id, lang())} download>${t('event.addToCalendar')}</a>
          <button type="button" class="secondary" @click=${this.share}>${t('event.share')}</button>
        </p>
        ${
          this.myRole && this.myRole !== 'MEMBER'
            ? html`<p class="actions organizer">
          <a class="button secondary" href=${paths.editEvent(e.id)}>${t('dashboard.edit')}</a>
          <a class="button secondary" href=${paths.eventRsvps(e.id)}>${t('rsvps.title')}</a>
          ${
            e.recurrence && this.occurrence
              ? occurrenceCancelled
                ? html`<button type="button" class="secondary" @click=${() => this.toggleOccurrence(false)}>${t('event.restoreDate')}</button>`
                : html`<button type="button" class="secondary" aria-expanded=${this.moving ? 'true' : 'false'}
                @click=${() => {
                  this.moving = !this.moving;
                }}>${t('event.moveDate')}</button>
              <button type="button" class="danger" @click=${() => this.toggleOccurrence(true)}>${t('event.cancelDate')}</button>`
              : nothing
          }
        </p>
        ${
          this.moving && e.recurrence && this.occurrence && !occurrenceCancelled
            ? html`<tocsin-move-occurrence id="move-occurrence" .event=${e} occurrence=${this.occurrence}
              @occurrence-moved=${this.moved}></tocsin-move-occurrence>`
            : nothing
        }`
            : nothing
        }
        <p class="status" aria-live="polite">${this.shared}</p>
        ${
          cancelled || e.rsvpMode === 'CLOSED'
            ? html`<p>${t('rsvp.closed')}</p>`
            : html`<tocsin-rsvp-form .event=${e} occurrence=${e.recurrence ? this.occurrence : ''} @rsvp-done=${() => this.load()}></tocsin-rsvp-form>`
        }
        <tocsin-report kind="EVENT" target=${e.id}></tocsin-report>
      </article>`;
  }

  private where(e: EventView) {
    if (!e.place) return t('event.onlineOnly');
    const city = html`<a href=${paths.city(e.place.cityKey ?? `${e.place.countryCode.toLowerCase()}/${e.place.city.toLowerCase()}`)}>${cityName(e.place, lang())}</a>, ${countryName(e.place.countryCode, locale())}`;
    if (e.locationHidden || (e.locationVisibility === 'ATTENDEES' && !e.place.venue && !e.place.address)) {
      return html`${city}<br /><span class="hidden-location">${t('event.locationHidden')}</span>`;
    }
    return html`${e.place.venue ? html`${e.place.venue}<br />` : nothing}${e.place.address ? html`${e.place.address}<br />` : nothing}${city}`;
  }
}
