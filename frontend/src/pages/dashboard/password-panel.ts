import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
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
import type { PasswordChanged } from '../../core/types';

/**
 * "Change password". A changed password also signs out every other device and revokes API tokens and calendar
 * addresses (someone who took the account over may have made some), so the answer says what stopped working and
 * the dashboard's calendar panels reload to offer new ones (the `credentials-revoked` event).
 */
@customElement('tocsin-password-panel')
export class PasswordPanel extends LightElement {
  @state() private errors?: FormErrors;
  @state() private busy = false;
  @state() private done?: PasswordChanged;

  private async submit(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const d = new FormData(form);
    this.busy = true;
    this.errors = undefined;
    this.done = undefined;
    try {
      this.done = await api.changePassword(String(d.get('currentPassword') ?? ''), String(d.get('newPassword') ?? ''));
      form.reset();
      this.dispatchEvent(new CustomEvent('credentials-revoked', { bubbles: true, composed: true }));
    } catch (e) {
      this.errors = formErrors(e, t('password.failed'));
    } finally {
      this.busy = false;
    }
  }

  private summary(done: PasswordChanged) {
    const r = done.revoked ?? {};
    const lines = [t('password.changed', { sessions: done.otherSessionsEnded })];
    if (r.apiTokens) lines.push(t('password.revokedTokens', { count: r.apiTokens }));
    if (r.calendarFeed) lines.push(t('password.revokedCalendar'));
    if (r.organizationFeeds) lines.push(t('password.revokedOrgFeeds', { count: r.organizationFeeds }));
    return html`<div class="status" role="status">${lines.map((l) => html`<p>${l}</p>`)}
      ${r.calendarFeed || r.organizationFeeds || r.apiTokens ? html`<p>${t('password.makeNew')}</p>` : nothing}</div>`;
  }

  render() {
    const e = this.errors;
    return html`<section aria-labelledby="password-h">
      <h2 id="password-h">${t('password.title')}</h2>
      <p>${t('password.help')}</p>
      <form class="narrow" @submit=${this.submit} novalidate>
        ${generalError(e)}
        <div class="field">
          <label for="current-password">${t('password.current')}</label>
          <input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required
            aria-invalid=${invalid(e, 'currentPassword')}
            aria-describedby=${ifDefined(e?.fields.currentPassword ? 'current-password-error' : undefined)} />
          ${fieldError(e, 'currentPassword', 'current-password-error')}
        </div>
        <div class="field">
          <label for="new-password">${t('password.new')}</label>
          <input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minlength="10"
            aria-invalid=${invalid(e, 'newPassword')}
            aria-describedby="new-password-hint${e?.fields.newPassword ? ' new-password-error' : ''}" />
          <p class="hint" id="new-password-hint">${t('account.passwordHint')}</p>
          ${fieldError(e, 'newPassword', 'new-password-error')}
        </div>
        <button type="submit" ?disabled=${this.busy}>${t('password.submit')}</button>
      </form>
      ${this.done ? this.summary(this.done) : nothing}
    </section>`;
  }
}
