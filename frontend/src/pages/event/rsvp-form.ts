import { html, nothing } from 'lit';
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
import { formatNumber, parseCount } from '../../core/format';
import { locale, t, type MessageKey } from '../../core/i18n';
import { paths } from '../../core/router';
import { keepForOffline } from '../../pwa/offline';
import type { EventView, Rsvp, RsvpResponse } from '../../core/types';

const RESPONSES: RsvpResponse[] = ['GOING', 'MAYBE', 'NOT_GOING'];

/** What an RSVP's state means for its holder, in the page's language. */
export function rsvpStateLabel(r: Pick<Rsvp, 'state'>): string {
  return t(`rsvp.state.${r.state}` as MessageKey);
}

/**
 * The RSVP form: a name or pseudonym, an optional email, guests, a response. No account needed; the answer's
 * manage link is the only key to the RSVP, shown once here and kept nowhere on this device.
 */
@customElement('tocsin-rsvp-form')
export class RsvpForm extends LightElement {
  @property({ attribute: false }) event!: EventView;
  /** For a series: the occurrence (its recurrenceId) this RSVP is for; absent, the next one. */
  @property() occurrence = '';
  @state() private errors?: FormErrors;
  @state() private busy = false;
  @state() private done: Rsvp | null = null;

  private async submit(ev: Event) {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const guests = parseCount(String(data.get('guests') ?? ''));
    this.busy = true;
    this.errors = undefined;
    try {
      this.done = await api.rsvp(this.event.id, {
        name: String(data.get('name') ?? '').trim(),
        ...(email ? { email } : {}),
        response: String(data.get('response') ?? 'GOING'),
        ...(guests ? { guests } : {}),
        ...(this.occurrence ? { occurrence: this.occurrence } : {}),
      });
      this.dispatchEvent(new CustomEvent('rsvp-done', { bubbles: true }));
      // An offline ticket: this action's page opens even when the network at the protest is jammed.
      if (this.done.state !== 'NOT_GOING' && this.done.state !== 'DECLINED') void keepForOffline(this.event.id);
    } catch (e) {
      this.errors = formErrors(e, t('rsvp.failed'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.done) {
      const link = this.done.manageToken ? `${location.origin}${paths.rsvp(this.done.manageToken)}` : '';
      return html`<section class="rsvp-done" aria-labelledby="rsvp-h" role="status">
        <h2 id="rsvp-h">${t('rsvp.thanks')}</h2>
        <p class="rsvp-state" data-state=${this.done.state}>${rsvpStateLabel(this.done)}</p>
        ${this.done.state === 'UNCONFIRMED' ? html`<p>${t('rsvp.checkEmail')}</p>` : nothing}
        ${
          link
            ? html`<p>${t('rsvp.keepLink')}</p>
          <p><a class="manage-link" href=${paths.rsvp(this.done.manageToken!)} dir="ltr">${link}</a></p>`
            : nothing
        }
      </section>`;
    }
    const e = this.errors;
    const emailConfirmed = this.event.rsvpMode === 'EMAIL_CONFIRMED';
    return html`<form class="rsvp" @submit=${this.submit} novalidate aria-labelledby="rsvp-h">
      <h2 id="rsvp-h">${t('rsvp.title')}</h2>
      ${this.event.rsvpMode === 'APPROVAL' ? html`<p>${t('rsvp.approval')}</p>` : nothing}
      ${emailConfirmed ? html`<p>${t('rsvp.emailConfirmed')}</p>` : nothing}
      <p class="secondary">${t('rsvp.privacy')}</p>
      ${generalError(e)}
      <div class="field">
        <label for="rsvp-name">${t('rsvp.name')}</label>
        <input id="rsvp-name" name="name" required maxlength="80" autocomplete="nickname"
          aria-invalid=${invalid(e, 'name')} aria-describedby=${ifDefined(e?.fields.name ? 'rsvp-name-error' : undefined)} />
        ${fieldError(e, 'name', 'rsvp-name-error')}
      </div>
      <div class="field">
        <label for="rsvp-email">${emailConfirmed ? t('rsvp.emailRequired') : t('rsvp.email')}</label>
        <input id="rsvp-email" name="email" type="email" autocomplete="email" dir="ltr"
          aria-invalid=${invalid(e, 'email')} aria-describedby="rsvp-email-hint ${e?.fields.email ? 'rsvp-email-error' : ''}" />
        <p class="hint" id="rsvp-email-hint">${t('rsvp.emailHint')}</p>
        ${fieldError(e, 'email', 'rsvp-email-error')}
      </div>
      <div class="field">
        <label for="rsvp-guests">${t('rsvp.guests')}</label>
        <input id="rsvp-guests" name="guests" type="text" value=${formatNumber(0, locale())} inputmode="numeric" maxlength="4" dir="ltr"
          aria-invalid=${invalid(e, 'guests')} aria-describedby=${ifDefined(e?.fields.guests ? 'rsvp-guests-error' : undefined)} />
        ${fieldError(e, 'guests', 'rsvp-guests-error')}
      </div>
      <fieldset>
        <legend>${t('rsvp.response')}</legend>
        ${RESPONSES.map((r, i) => html`<label class="choice"><input type="radio" name="response" value=${r} ?checked=${i === 0} /> ${t(`rsvp.response.${r}` as MessageKey)}</label>`)}
        ${fieldError(e, 'response', 'rsvp-response-error')}
      </fieldset>
      <button type="submit" ?disabled=${this.busy}>${t('rsvp.submit')}</button>
    </form>`;
  }
}
