import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  LightElement,
  fieldError,
  formErrors,
  generalError,
  invalid,
  type FormErrors,
} from '../../shared/light-element';
import { api } from '../../core/api';
import { t } from '../../core/i18n';
import type { EventView } from '../../core/types';

/** Adds minutes to a local date-time ("2027-03-04T18:00"), as wall-clock arithmetic (no zone involved). */
function plusMinutes(local: string, minutes: number): string {
  const d = new Date(`${local.slice(0, 16)}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}

function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 16)}:00Z`) - Date.parse(`${from.slice(0, 16)}:00Z`)) / 60000);
}

/**
 * The local start and end of one date of a series (its recurrenceId): as moved if it was, otherwise
 * its original start and the series' duration.
 */
export function occurrenceTimes(e: EventView, recurrenceId: string): { start: string; end: string } {
  const moved = e.overrides?.find((o) => o.recurrenceId === recurrenceId && !o.cancelled && o.start && o.end);
  if (moved) return { start: moved.start!.slice(0, 16), end: moved.end!.slice(0, 16) };
  const start = recurrenceId.slice(0, 16);
  return { start, end: plusMinutes(start, minutesBetween(e.start, e.end)) };
}

/**
 * For organizers: moves one date of a series to a new local start and end (in the event's time zone),
 * leaving the others. People going to that date are mailed the new time; the feeds carry it under the
 * date's RECURRENCE-ID. Fires "occurrence-moved" with the updated event.
 */
@customElement('tocsin-move-occurrence')
export class MoveOccurrence extends LightElement {
  @property({ attribute: false }) event!: EventView;
  /** The date's recurrenceId, e.g. "2027-03-04T18:00". */
  @property() occurrence = '';
  @state() private errors?: FormErrors;
  @state() private busy = false;

  private async submit(ev: Event) {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const start = String(data.get('start') ?? '');
    const end = String(data.get('end') ?? '');
    const path = `/api/v1/events/${encodeURIComponent(this.event.id)}/occurrences/${encodeURIComponent(this.occurrence)}`;
    this.busy = true;
    this.errors = undefined;
    try {
      const updated = await api.put<EventView>(path, { start: start || null, end: end || null });
      this.dispatchEvent(new CustomEvent<EventView>('occurrence-moved', { detail: updated, bubbles: true }));
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    const e = this.errors;
    const times = occurrenceTimes(this.event, this.occurrence);
    return html`<form class="move-occurrence" @submit=${this.submit} novalidate aria-labelledby="move-h">
      <h2 id="move-h">${t('event.moveDate')}</h2>
      <p class="hint">${t('event.moveDateHint', { zone: this.event.timeZone })}</p>
      ${generalError(e)}
      <div class="field">
        <label for="move-start">${t('event.moveStart')}</label>
        <input id="move-start" name="start" type="datetime-local" required .value=${times.start} dir="ltr"
          aria-invalid=${invalid(e, 'start')} aria-describedby=${ifDefined(e?.fields.start ? 'move-start-error' : undefined)} />
        ${fieldError(e, 'start', 'move-start-error')}
      </div>
      <div class="field">
        <label for="move-end">${t('event.moveEnd')}</label>
        <input id="move-end" name="end" type="datetime-local" required .value=${times.end} dir="ltr"
          aria-invalid=${invalid(e, 'end')} aria-describedby=${ifDefined(e?.fields.end ? 'move-end-error' : undefined)} />
        ${fieldError(e, 'end', 'move-end-error')}
      </div>
      <button type="submit" ?disabled=${this.busy}>${t('event.moveSubmit')}</button>
    </form>`;
  }
}
