import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { t } from '../../core/i18n';
import { sessionChanged } from '../../core/session';
import type { Me } from '../../core/types';

/**
 * /verify-email#token=…: the link from the mail. The token is in the fragment (no server log sees it) and is
 * sent once, by this page; a used or late link offers a new one for the address typed (the same answer for any).
 */
@customElement('tocsin-verify-email-page')
export class VerifyEmailPage extends LightElement {
  @state() private state: 'working' | 'done' | 'failed' = 'working';

  connectedCallback() {
    super.connectedCallback();
    void this.confirm();
  }

  private token(): string {
    return new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  }

  private async confirm() {
    const token = this.token();
    // The secret leaves the address bar (and the history) once read.
    history.replaceState(history.state, '', location.pathname);
    if (!token) {
      this.state = 'failed';
      return;
    }
    try {
      await api.confirmEmailVerification(token);
      this.state = 'done';
      sessionChanged();
    } catch {
      this.state = 'failed';
    }
  }

  render() {
    document.title = `${t('verify.title')} · Tocsin`;
    return html`<h1>${t('verify.title')}</h1>
      ${
        this.state === 'working'
          ? html`<p aria-live="polite">${t('common.loading')}</p>`
          : this.state === 'done'
            ? html`<p class="status" role="status">${t('verify.done')}</p>
              <p><a href="/dashboard">${t('verify.toDashboard')}</a></p>`
            : html`<p class="error" role="alert">${t('verify.badLink')}</p>
              <tocsin-verify-resend></tocsin-verify-resend>`
      }`;
  }
}

/**
 * "Send the link again": for the signed-in person's own address, or for one typed in. The answer is the same
 * whatever the address, and asking is limited (a few times an hour).
 */
@customElement('tocsin-verify-resend')
export class VerifyResend extends LightElement {
  /** The signed-in person's address; without it the form asks for one. */
  @property() email = '';
  @state() private sent = false;
  @state() private busy = false;
  @state() private errors?: FormErrors;

  private async submit(ev: Event) {
    ev.preventDefault();
    const typed = String(new FormData(ev.target as HTMLFormElement).get('email') ?? '').trim();
    this.busy = true;
    this.errors = undefined;
    try {
      await api.requestEmailVerification(this.email || typed);
      this.sent = true;
    } catch (e) {
      this.errors = formErrors(e, t('verify.resendFailed'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.sent) return html`<p class="status" role="status">${t('verify.sent')}</p>`;
    return html`<form class="inline" @submit=${this.submit} novalidate>
      ${generalError(this.errors)}
      ${
        this.email
          ? nothing
          : html`<div class="field">
            <label for="verify-email-address">${t('account.email')}</label>
            <input id="verify-email-address" name="email" type="email" autocomplete="username" required dir="ltr" />
          </div>`
      }
      <button type="submit" ?disabled=${this.busy}>${t('verify.resend')}</button>
    </form>`;
  }
}

/**
 * The dashboard's banner (where signing in leads) while the signed-in person's address is not confirmed yet,
 * with the button that mails a link. Accounts made before Tocsin confirmed addresses were never sent one: for
 * them (and once the last link expired) it asks them to send one, rather than to open one.
 */
@customElement('tocsin-verify-banner')
export class VerifyBanner extends LightElement {
  /** The signed-in person, as the dashboard just asked for them. */
  @property({ attribute: false }) me: Me | null = null;

  render() {
    const me = this.me;
    if (!me || me.emailVerified !== false) return nothing;
    // No link is waiting (an account older than verification, or the last link expired): ask them to send one.
    const noLink = me.verificationLinkSent === false;
    return html`<section class="notice" role="region" aria-labelledby="verify-banner-h">
      <h2 id="verify-banner-h">${t('verify.bannerTitle')}</h2>
      <p>${t(noLink ? 'verify.bannerNoLink' : 'verify.banner', { email: me.email })}</p>
      <tocsin-verify-resend email=${me.email}></tocsin-verify-resend>
    </section>`;
  }
}
