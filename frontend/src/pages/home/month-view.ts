import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { api } from '../../core/api';
import { locale, t } from '../../core/i18n';
import { paths } from '../../core/router';
import { localDigits } from '../../core/format';
import type { EventFilters, EventView } from '../../core/types';

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

/**
 * The month view: a grid of the (Gregorian) month with each action on its local date in its own zone. In
 * Persian the days are numbered in both calendars and the weeks start on Saturday.
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

  render() {
    const loc = locale();
    const { first, days } = monthBounds(this.month);
    const byDay = new Map<string, EventView[]>();
    for (const e of this.items) {
      const day = e.start.slice(0, 10);
      if (day.startsWith(this.month)) byDay.set(day, [...(byDay.get(day) ?? []), e]);
    }
    const weekStart = loc.weekStart ?? 1; // ISO: 1 = Monday … 7 = Sunday
    const firstIso = ((new Date(first).getUTCDay() + 6) % 7) + 1;
    const lead = (firstIso - weekStart + 7) % 7;
    const cells: (string | null)[] = [...Array(lead).fill(null)];
    for (let d = 1; d <= days; d++) cells.push(`${this.month}-${String(d).padStart(2, '0')}`);
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    const utc = (day: string) => new Date(`${day}T12:00:00Z`);
    const dayName = (iso: number) =>
      new Intl.DateTimeFormat(loc.intl, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, iso)));
    const gregorian = new Intl.DateTimeFormat(loc.gregorianIntl ?? loc.intl, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const own = new Intl.DateTimeFormat(loc.intl, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const title = loc.gregorianIntl
      ? `${gregorian.format(utc(first))} (${own.format(utc(first))} – ${own.format(utc(`${this.month}-${String(days).padStart(2, '0')}`))})`
      : gregorian.format(utc(first));
    const dayNumber = new Intl.DateTimeFormat(loc.intl, { day: 'numeric', timeZone: 'UTC' });
    const gDayNumber = new Intl.DateTimeFormat(loc.gregorianIntl ?? loc.intl, { day: 'numeric', timeZone: 'UTC' });
    return html`
      <nav class="month-nav" aria-label=${t('month.navigation')}>
        <a href=${this.monthHref(shiftMonth(this.month, -1))}>${t('month.previous')}</a>
        <a href=${this.monthHref(shiftMonth(this.month, 1))}>${t('month.next')}</a>
      </nav>
      <table class="month">
        <caption>${title}${this.loading ? html` <span class="secondary">${t('common.loading')}</span>` : nothing}</caption>
        <thead><tr>${[0, 1, 2, 3, 4, 5, 6].map((i) => html`<th scope="col">${dayName(((weekStart - 1 + i) % 7) + 1)}</th>`)}</tr></thead>
        <tbody>${weeks.map(
          (week) =>
            html`<tr>${week.map((day) =>
              day === null
                ? html`<td class="outside"></td>`
                : html`<td>
          <span class="day">${dayNumber.format(utc(day))}${loc.gregorianIntl ? html` <span class="secondary">${gDayNumber.format(utc(day))}</span>` : nothing}</span>
          ${
            byDay.get(day)?.length
              ? html`<ul>${byDay.get(day)!.map(
                  (e) => html`<li class=${e.status === 'CANCELLED' ? 'cancelled' : ''}>
            <a href=${paths.event(e.id, e.recurrence ? e.recurrenceId : undefined)} dir="auto">${localDigits(e.start.slice(11, 16), loc)} ${e.title}</a></li>`,
                )}</ul>`
              : nothing
          }
        </td>`,
            )}</tr>`,
        )}</tbody>
      </table>
      ${this.truncated ? html`<p class="secondary">${t('month.truncated')}</p>` : nothing}`;
  }
}
