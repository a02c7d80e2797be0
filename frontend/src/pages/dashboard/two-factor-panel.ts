import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { t } from '../../core/i18n';
import type { TwoFactorEnrolment, TwoFactorStatus } from '../../core/types';

/**
 * "Two-factor sign-in": turn it on with an authenticator app (the QR code is drawn by this Tocsin, so the secret
 * goes nowhere else), see the recovery codes once, make new ones, or turn it off with the password and a code.
 */
@customElement('tocsin-two-factor-panel')
export class TwoFactorPanel extends LightElement {
  @state() private status?: TwoFactorStatus;
  @state() private enrolment?: TwoFactorEnrolment;
  @state() private recoveryCodes?: string[];
  @state() private errors?: FormErrors;
  @state() private busy = false;

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.status = await api.twoFactor();
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private async run(work: () => Promise<void>, failed: string) {
    this.busy = true;
    this.errors = undefined;
    try {
      await work();
    } catch (e) {
      this.errors = formErrors(e, failed);
    } finally {
      this.busy = false;
    }
  }

  private setup() {
    return this.run(async () => {
      this.recoveryCodes = undefined;
      this.enrolment = await api.twoFactorSetup();
    }, t('twoFactor.failed'));
  }

  private confirm(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const code = String(new FormData(form).get('code') ?? '').trim();
    return this.run(async () => {
      this.recoveryCodes = (await api.twoFactorConfirm(code)).recoveryCodes;
      this.enrolment = undefined;
      await this.load();
    }, t('twoFactor.wrongCode'));
  }

  private disable(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    return this.run(async () => {
      await api.twoFactorDisable(String(d.get('password') ?? ''), String(d.get('code') ?? '').trim());
      this.recoveryCodes = undefined;
      await this.load();
    }, t('twoFactor.failed'));
  }

  private renew(ev: Event) {
    ev.preventDefault();
    const code = String(new FormData(ev.target as HTMLFormElement).get('code') ?? '').trim();
    return this.run(async () => {
      this.recoveryCodes = (await api.twoFactorRecoveryCodes(code)).recoveryCodes;
      await this.load();
    }, t('twoFactor.wrongCode'));
  }

  private codeField(id: string) {
    return html`<div class="field">
      <label for=${id}>${t('twoFactor.code')}</label>
      <input id=${id} name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required dir="ltr" />
    </div>`;
  }

  private codes(codes: string[]) {
    return html`<div class="status" role="status">
      <p>${t('twoFactor.recoveryCodesHelp')}</p>
      <ul class="recovery-codes" dir="ltr">
        ${codes.map((c) => html`<li><code>${c}</code></li>`)}
      </ul>
    </div>`;
  }

  private enrolmentView(e: TwoFactorEnrolment) {
    return html`<ol>
        <li>${t('twoFactor.step1')}</li>
        <li>
          ${t('twoFactor.step2')}
          <p><img class="qr" width="200" height="200" alt=${t('twoFactor.qrAlt')}
            src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(e.qrCodeSvg)}`} /></p>
          <p>${t('twoFactor.manual')} <code dir="ltr" class="secret">${e.secret}</code></p>
        </li>
        <li>${t('twoFactor.step3')}</li>
      </ol>
      <form class="narrow" @submit=${this.confirm} novalidate>
        ${this.codeField('two-factor-confirm-code')}
        <button type="submit" ?disabled=${this.busy}>${t('twoFactor.confirm')}</button>
      </form>`;
  }

  render() {
    const s = this.status;
    return html`<section aria-labelledby="two-factor-h">
      <h2 id="two-factor-h">${t('twoFactor.title')}</h2>
      <p>${t('twoFactor.help')}</p>
      ${generalError(this.errors)}
      ${this.recoveryCodes ? this.codes(this.recoveryCodes) : nothing}
      ${
        !s
          ? nothing
          : s.enabled
            ? html`<p>${t('twoFactor.on', { left: s.recoveryCodesLeft })}</p>
              <form class="narrow" @submit=${this.renew} novalidate>
                <h3>${t('twoFactor.newCodes')}</h3>
                ${this.codeField('two-factor-renew-code')}
                <button type="submit" ?disabled=${this.busy}>${t('twoFactor.newCodes')}</button>
              </form>
              <form class="narrow" @submit=${this.disable} novalidate>
                <h3>${t('twoFactor.turnOff')}</h3>
                <div class="field">
                  <label for="two-factor-password">${t('password.current')}</label>
                  <input id="two-factor-password" name="password" type="password" autocomplete="current-password" required />
                </div>
                ${this.codeField('two-factor-disable-code')}
                <button type="submit" class="secondary" ?disabled=${this.busy}>${t('twoFactor.turnOff')}</button>
              </form>`
            : this.enrolment
              ? this.enrolmentView(this.enrolment)
              : html`<p>${t('twoFactor.off')}</p>
                <button type="button" @click=${this.setup} ?disabled=${this.busy}>${t('twoFactor.turnOn')}</button>`
      }
    </section>`;
  }
}
