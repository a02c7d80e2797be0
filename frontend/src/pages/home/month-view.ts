import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { lang, locale, t } from '../../core/i18n';
import { paths } from '../../core/router';
import { formatNumber, localDigits } from '../../core/format';
import type { EventFilters, EventView } from '../../core/types';
import { cityName } from '../../core/city-names';

/** "2027-03" → the Gregorian month's first day and the next month's, as "YYYY-MM-DD". */
export function monthBounds(month: string): { first: string; next: string; days: number } {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const next = new Date(Date.UTC(y, m, 1));
  return {
    first: first.toISOString().slice(0, 10),
    next: next.toISOString().slice(0, 10),
    days: Math.round((+next - +first) / 86400000),
  };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/** A phone: the month is an agenda there, not a grid of seven narrow columns. */
const PHONE = '(max-width: 480px)';

/**
 * The month view: a grid of the (Gregorian) month with each action on its local date in its own zone. In
 * Persian the days are numbered in both calendars and the weeks start on Saturday. A busy day's cell says how
 * many actions in how many cities and opens that day's list, grouped by city; on a phone the month is an agenda.
 */
@customElement('tocsin-month-view')
export class MonthView extends LightElement {
  @property({ attribute: false }) filters: EventFilters = {};
  @property() month = new Date().toISOString().slice(0, 7);
  /** Builds the link to another month, keeping the other filters. */
  @property({ attribute: false }) monthHref: (month: string) => string = (m) => `/?view=month&month=${m}`;
  @state() private items: EventView[] = [];
  @state() private loading = true;
  @state() private truncated = false;
  /** The day whose list is open below the grid. */
  @state() private openDay = '';
  private phone?: MediaQueryList;
  private loadedKey = '';

  protected willUpdate() {
    const key = JSON.stringify([this.month, this.filters]);
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
  }

  private async load() {
    this.loading = true;
    const { first, next } = monthBounds(this.month);
    try {
      // A day either side: an action's local date can differ from its UTC date.
      const from = new Date(Date.parse(first) - 86400000).toISOString();
      const to = new Date(Date.parse(next) + 86400000).toISOString();
      const page = await api.events({ ...this.filters, from, to, limit: 200, cursor: undefined });
      this.items = page.items;
      this.truncated = !!page.nextCursor;
    } catch {
      this.items = [];
    } finally {
      this.loading = false;
    }
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.phone = window.matchMedia?.(PHONE);
    this.phone?.addEventListener('change', this.relayout);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.phone?.removeEventListener('change', this.relayout);
  }

  private readonly relayout = () => this.requestUpdate();

  private toggle(day: string) {
    this.openDay = this.openDay === day ? '' : day;
    if (this.openDay) void this.updateComplete.then(() => this.querySelector<HTMLElement>('#month-day')?.focus());
  }

  /** One day's actions, grouped by city (the busiest first), each with its local time and title. */
  private dayList(day: string, events: EventView[], heading: 'h2' | 'h3') {
    const loc = locale();
    const date = new Intl.DateTimeFormat(loc.intl, { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${day}T12:00:00Z`),
    );
    const title = html`${date} <span class="secondary">${daySummary(events)}</span>`;
    return html`${heading === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
      ${byCity(events).map(
        (g) => html`<section class="city-group">
          <h4><bdi>${g.label}</bdi> <span class="secondary">${formatNumber(g.events.length, loc)}</span></h4>
          <ul>${g.events.map(
            (e) => html`<li class=${e.status === 'CANCELLED' ? 'cancelled' : ''}>
              <a href=${paths.event(e.id, e.recurrence ? e.recurrenceId : undefined)}><span class="time">${localDigits(e.start.slice(11, 16), loc)}</span> <bdi>${e.title}</bdi></a></li>`,
          )}</ul></section>`,
      )}`;
  }

  render() {
    const loc = locale();
    const { first, days } = monthBounds(this.month);
    const byDay = eventsByDay(this.items, this.month);
    const utc = (day: string) => new Date(`${day}T12:00:00Z`);
    const gregorian = new Intl.DateTimeFormat(loc.gregorianIntl ?? loc.intl, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const own = new Intl.DateTimeFormat(loc.intl, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const title = loc.gregorianIntl
      ? `${gregorian.format(utc(first))} (${own.format(utc(first))} – ${own.format(utc(`${this.month}-${String(days).padStart(2, '0')}`))})`
      : gregorian.format(utc(first));
    const nav = html`<nav class="month-nav" aria-label=${t('month.navigation')}>
        <a href=${this.monthHref(shiftMonth(this.month, -1))}>${t('month.previous')}</a>
        <a href=${this.monthHref(shiftMonth(this.month, 1))}>${t('month.next')}</a>
      </nav>`;
    const truncated = this.truncated ? html`<p class="secondary">${t('month.truncated')}</p>` : nothing;
    const loading = this.loading ? html` <span class="secondary">${t('common.loading')}</span>` : nothing;
    if (this.phone?.matches) {
      // A phone: the month as an agenda, only the days with actions, each grouped by city.
      const busy = [...byDay.keys()].sort();
      return html`${nav}
        <section class="agenda" aria-labelledby="agenda-h">
          <h2 id="agenda-h">${title}${loading}</h2>
          ${busy.length === 0 && !this.loading ? html`<p>${t('events.none')}</p>` : nothing}
          <ol>${busy.map((day) => html`<li>${this.dayList(day, byDay.get(day)!, 'h3')}</li>`)}</ol>
        </section>
        ${truncated}`;
    }
    const weekStart = loc.weekStart ?? 1; // ISO: 1 = Monday … 7 = Sunday
    const firstIso = ((new Date(first).getUTCDay() + 6) % 7) + 1;
    const lead = (firstIso - weekStart + 7) % 7;
    const cells: (string | null)[] = [...Array(lead).fill(null)];
    for (let d = 1; d <= days; d++) cells.push(`${this.month}-${String(d).padStart(2, '0')}`);
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    const dayName = (iso: number) =>
      new Intl.DateTimeFormat(loc.intl, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, iso)));
    const dayNumber = new Intl.DateTimeFormat(loc.intl, { day: 'numeric', timeZone: 'UTC' });
    const gDayNumber = new Intl.DateTimeFormat(loc.gregorianIntl ?? loc.intl, { day: 'numeric', timeZone: 'UTC' });
    const cell = (day: string) => {
      const events = byDay.get(day);
      if (!events?.length) return nothing;
      if (events.length === 1) {
        const e = events[0];
        return html`<a class=${e.status === 'CANCELLED' ? 'one cancelled' : 'one'} href=${paths.event(e.id, e.recurrence ? e.recurrenceId : undefined)}>
          <span class="time">${localDigits(e.start.slice(11, 16), loc)}</span> <bdi>${e.title}</bdi>${e.place ? html` · <bdi>${cityName(e.place, lang())}</bdi>` : nothing}</a>`;
      }
      return html`<button type="button" class="day-summary" aria-expanded=${this.openDay === day ? 'true' : 'false'}
        aria-controls="month-day" @click=${() => this.toggle(day)}>${daySummary(events)}</button>`;
    };
    const open = this.openDay && byDay.get(this.openDay);
    return html`
      ${nav}
      <table class="month">
        <caption>${title}${loading}</caption>
        <thead><tr>${[0, 1, 2, 3, 4, 5, 6].map((i) => html`<th scope="col">${dayName(((weekStart - 1 + i) % 7) + 1)}</th>`)}</tr></thead>
        <tbody>${weeks.map(
          (week) =>
            html`<tr>${week.map((day) =>
              day === null
                ? html`<td class="outside"></td>`
                : html`<td class=${day === this.openDay ? 'open' : ''}>
          <span class="day">${dayNumber.format(utc(day))}${loc.gregorianIntl ? html` <span class="secondary">${gDayNumber.format(utc(day))}</span>` : nothing}</span>
          ${cell(day)}
        </td>`,
            )}</tr>`,
        )}</tbody>
      </table>
      ${open ? html`<section id="month-day" class="day-list" tabindex="-1">${this.dayList(this.openDay, open, 'h2')}</section>` : nothing}
      ${truncated}`;
  }
}

/** The actions of a month by their local date, in their own zone. */
export function eventsByDay(items: EventView[], month: string): Map<string, EventView[]> {
  const byDay = new Map<string, EventView[]>();
  for (const e of items) {
    const day = e.start.slice(0, 10);
    if (day.startsWith(month)) byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  return byDay;
}

/** One group per city (online actions together), the busiest first, then by name. */
export function byCity(events: EventView[]): { key: string; label: string; events: EventView[] }[] {
  const groups = new Map<string, { key: string; label: string; events: EventView[] }>();
  for (const e of events) {
    const key = e.place?.cityKey ?? 'online';
    const label = e.place ? cityName(e.place, lang()) : t('month.online');
    const group = groups.get(key) ?? { key, label, events: [] };
    group.events.push(e);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.events.length - a.events.length || a.label.localeCompare(b.label, locale().intl),
  );
}

/** "55 actions in 52 cities", in the page's language and digits. */
export function daySummary(events: EventView[]): string {
  const cities = new Set(events.filter((e) => e.place).map((e) => e.place!.cityKey)).size;
  const rules = new Intl.PluralRules(locale().intl);
  const actions = t(rules.select(events.length) === 'one' ? 'month.actions.one' : 'month.actions.other', {
    n: events.length,
  });
  if (cities === 0) return actions;
  return t('month.summary', {
    actions,
    cities: t(rules.select(cities) === 'one' ? 'month.cities.one' : 'month.cities.other', { n: cities }),
  });
}
