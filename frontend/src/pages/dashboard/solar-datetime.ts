import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LightElement } from '../../shared/light-element';
import { t } from '../../core/i18n';
import { formatSolar, fromSolar, parseSolar, toSolar } from '../../shared/solar-hijri';

/**
 * A date and time in the Solar Hijri calendar, for Persian organizers: the date typed as
 * "۱۴۰۶/۰۲/۱۶" (Persian, Arabic-Indic or Latin digits), the time in a time field. `value` is what
 * the API takes, a local ISO date-time ("2027-05-06T18:00"); every valid change fires "value-changed"
 * with it (with `dateOnly`, the day alone: "2027-05-06"). Beside the field, the chosen day as Intl writes it (Solar Hijri and Gregorian), so a slip
 * of one day shows before the event is saved.
 */
@customElement('tocsin-solar-datetime')
export class SolarDatetime extends LightElement {
  /** The id of the date field (its label's `for`). */
  @property() fieldId = '';
  @property() label = '';
  @property() value = '';
  @property() describedBy = '';
  @property({ type: Boolean }) invalid = false;
  /** A day alone ("2027-05-06"), no time field: a campaign call's accepted dates. */
  @property({ type: Boolean }) dateOnly = false;
  /** What was typed, while it is not (yet) a date. */
  @state() private typed: string | null = null;

  private get date() {
    return this.value.slice(0, 10);
  }

  private get time() {
    return this.value.slice(11, 16) || '00:00';
  }

  private emit(date: string, time: string) {
    this.value = this.dateOnly ? date : `${date}T${time}`;
    this.dispatchEvent(new CustomEvent('value-changed', { detail: this.value, bubbles: true }));
  }

  private onDate(ev: Event) {
    const text = (ev.target as HTMLInputElement).value;
    const solar = parseSolar(text);
    const iso = solar && fromSolar(solar);
    if (iso) {
      this.typed = null;
      this.emit(iso, this.time);
    } else {
      this.typed = text;
    }
  }

  private onTime(ev: Event) {
    const time = (ev.target as HTMLInputElement).value;
    if (/^\d{2}:\d{2}$/.test(time) && this.date) this.emit(this.date, time);
  }

  render() {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(this.date) ? this.date : '';
    const shown = this.typed ?? (date ? formatSolar(toSolar(date)) : '');
    const day = date ? new Date(`${date}T12:00:00Z`) : undefined;
    const read = (intl: string) =>
      day ? new Intl.DateTimeFormat(intl, { timeZone: 'UTC', dateStyle: 'full' }).format(day) : '';
    const bad = this.typed !== null && this.typed.trim() !== '';
    const hintId = `${this.fieldId}-solar`;
    return html`<div class="field solar-datetime">
      <label for=${this.fieldId}>${this.label}</label>
      <div class="row">
        <input id=${this.fieldId} inputmode="numeric" dir="ltr" autocomplete="off" placeholder="۱۴۰۶/۰۲/۱۶"
          .value=${shown} aria-invalid=${this.invalid || bad ? 'true' : 'false'}
          aria-describedby=${ifDefined([hintId, this.describedBy].filter(Boolean).join(' ') || undefined)}
          @input=${this.onDate} />
        ${this.dateOnly ? nothing : html`<input type="time" aria-label=${t('editor.solarTime')} .value=${this.time} @input=${this.onTime} />`}
      </div>
      <p class="hint" id=${hintId} aria-live="polite">${
        bad
          ? t('editor.solarInvalid')
          : day
            ? html`${read('fa-IR-u-ca-persian')} · <span dir="auto">${read('fa-IR-u-ca-gregory')}</span>`
            : t('editor.solarHint')
      }</p>
    </div>`;
  }
}
