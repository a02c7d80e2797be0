import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, fieldError, type FormErrors } from '../../shared/light-element';
import { api, ApiError } from '../../core/api';
import { lang, locale, t, type MessageKey } from '../../core/i18n';
import { formatNumber, formatWhen, parseCount } from '../../core/format';
import { paths, safeUrl } from '../../core/router';
import { rsvpStateLabel } from '../event/rsvp-form';
import '../../shared/offline-copies';
import type { EventView, Rsvp, RsvpResponse } from '../../core/types';
import { cityName } from '../../core/city-names';

/** /rsvp/{manageToken}: see, change or cancel one's RSVP; the hidden location shows when allowed. */
@customElement('tocsin-rsvp-page')
export class RsvpPage extends LightElement {
  @property() token = '';
  @state() private rsvp: Rsvp | null = null;
  @state() private event: EventView | null = null;
  @state() private error = '';
  @state() private errors?: FormErrors;
  @state() private message = '';
  @state() private cancelled = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('token')) void this.load();
  }

  private async load() {
    try {
      this.rsvp = await api.myRsvp(this.token);
      this.event = this.rsvp.event ?? (this.rsvp.eventId ? await api.event(this.rsvp.eventId).catch(() => null) : null);
    } catch (e) {
      this.error = e instanceof ApiError && e.status === 404 ? t('rsvp.unknown') : t('error.load');
    }
  }

  private async save(ev: Event) {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    this.errors = undefined;
    try {
      this.rsvp = {
        ...this.rsvp,
        ...(await api.changeRsvp(this.token, {
          response: String(data.get('response')) as RsvpResponse,
          guests: parseCount(String(data.get('guests') ?? '')) as number,
        })),
      };
      this.message = t('rsvp.saved');
    } catch (e) {
      this.errors = formErrors(e, t('rsvp.failed'));
    }
  }

  /** A guest's RSVP to an EMAIL_CONFIRMED event counts once confirmed: this page's token came by mail. */
  private async confirmRsvp() {
    this.errors = undefined;
    try {
      this.rsvp = { ...this.rsvp, ...(await api.confirmRsvp(this.token)) };
      this.message = t('rsvp.confirmed');
    } catch (e) {
      this.errors = formErrors(e, t('rsvp.failed'));
    }
  }

  private async cancel() {
    if (!confirm(t('rsvp.confirmCancel'))) return;
    try {
      await api.cancelRsvp(this.token);
      this.cancelled = true;
    } catch (e) {
      this.errors = formErrors(e, t('rsvp.failed'));
    }
  }

  render() {
    document.title = `${t('rsvp.manageTitle')} · Tocsin`;
    if (this.error) return html`<h1>${t('rsvp.manageTitle')}</h1><p class="error" role="alert">${this.error}</p>`;
    if (this.cancelled)
      return html`<h1>${t('rsvp.manageTitle')}</h1><p role="status">${t('rsvp.cancelled')}</p>
        <tocsin-offline-copies></tocsin-offline-copies>`;
    const r = this.rsvp;
    if (!r) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    const e = this.event;
    const start = r.occurrenceStartUtc ?? e?.startUtc;
    const when =
      e && start
        ? formatWhen(
            start,
            new Date(Date.parse(start) + Date.parse(e.endUtc) - Date.parse(e.startUtc)).toISOString(),
            e.timeZone,
            locale(),
          )
        : null;
    const current =
      r.response ??
      (r.state === 'WAITLISTED' || r.state === 'PENDING' || r.state === 'UNCONFIRMED' ? 'GOING' : r.state);
    return html`
      <h1>${t('rsvp.manageTitle')}</h1>
      ${
        e
          ? html`<section class="card">
        <h2 dir="auto"><a href=${paths.event(e.id, r.occurrence)}>${e.title}</a></h2>
        ${when ? html`<p>${when.local}</p>` : nothing}
        ${e.place ? html`<p>${[e.place.venue, e.place.address, cityName(e.place, lang())].filter(Boolean).join(', ')}</p>` : nothing}
        ${safeUrl(e.online?.url) ? html`<p><a href=${safeUrl(e.online?.url)!} rel="noopener noreferrer" dir="ltr">${e.online!.url}</a></p>` : nothing}
      </section>`
          : nothing
      }
      <p role="status" class="rsvp-state" data-state=${r.state}>${rsvpStateLabel(r)}${r.name ? html` — ${r.name}` : nothing}</p>
      ${r.waitlistPosition ? html`<p>${t('rsvp.waitlistPosition', { n: r.waitlistPosition })}</p>` : nothing}
      ${generalError(this.errors)}
      ${
        r.state === 'UNCONFIRMED'
          ? html`
        <p class="actions">
          <button type="button" class="confirm-rsvp" @click=${this.confirmRsvp}>${t('rsvp.confirm')}</button>
          <button type="button" class="danger" @click=${this.cancel}>${t('rsvp.cancel')}</button>
        </p>
        <p class="status" aria-live="polite">${this.message}</p>`
          : html`
      <form @submit=${this.save}>
        <fieldset>
          <legend>${t('rsvp.response')}</legend>
          ${(['GOING', 'MAYBE', 'NOT_GOING'] as RsvpResponse[]).map((v) => html`<label class="choice"><input type="radio" name="response" value=${v} ?checked=${current === v} /> ${t(`rsvp.response.${v}` as MessageKey)}</label>`)}
        </fieldset>
        <div class="field">
          <label for="manage-guests">${t('rsvp.guests')}</label>
          <input id="manage-guests" name="guests" type="text" inputmode="numeric" maxlength="4" dir="ltr" .value=${formatNumber(r.guests ?? 0, locale())} />
          ${fieldError(this.errors, 'guests', 'manage-guests-error')}
        </div>
        <p class="actions">
          <button type="submit">${t('rsvp.save')}</button>
          <button type="button" class="danger" @click=${this.cancel}>${t('rsvp.cancel')}</button>
        </p>
        <p class="status" aria-live="polite">${this.message}</p>
      </form>`
      }
      <tocsin-offline-copies></tocsin-offline-copies>`;
  }
}
