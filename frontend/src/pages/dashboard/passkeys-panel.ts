import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { locale, t } from '../../core/i18n';
import { formatDate } from '../../core/format';
import { createPasskey, passkeysSupported } from '../../core/webauthn';
import { secondFactorAnswer } from '../../core/reconfirm';
import type { PasskeyInfo } from '../../core/types';

/** A day the server keeps (yyyy-mm-dd), in the page's language and calendar. */
function day(date: string): string {
  return formatDate(`${date}T12:00:00Z`, 'UTC', locale(), true);
}

/**
 * "Passkeys": a phone, laptop or security key that finishes a sign-in after the password, in place of a code.
 * Added with the password (the device makes the key; only its public half reaches Tocsin), listed by the name the
 * person gave it, removed with the password and the app's code or, left empty, one of the passkeys confirming it. A
 * mail announces each change.
 */
@customElement('tocsin-passkeys-panel')
export class PasskeysPanel extends LightElement {
  @state() private passkeys?: PasskeyInfo[];
  @state() private errors?: FormErrors;
  @state() private busy = false;
  @state() private added?: string;
  /** The passkey whose removal asks for the password. */
  @state() private removing?: PasskeyInfo;

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.passkeys = await api.passkeys();
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private async run(work: () => Promise<void>, failed: string, cancelled = t('passkeys.cancelled')) {
    this.busy = true;
    this.errors = undefined;
    try {
      await work();
    } catch (e) {
      // The browser's own refusal (cancelled, timed out, or this device holds one already) is not the server's.
      this.errors =
        e instanceof DOMException
          ? { fields: {}, general: e.name === 'InvalidStateError' ? t('passkeys.already') : cancelled }
          : formErrors(e, failed);
    } finally {
      this.busy = false;
    }
  }

  private add(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const d = new FormData(form);
    const name = String(d.get('name') ?? '').trim();
    const password = String(d.get('password') ?? '');
    return this.run(async () => {
      this.added = undefined;
      const options = await api.passkeyOptions(password);
      const credential = await createPasskey(options);
      const saved = await api.addPasskey(name, credential);
      form.reset();
      this.added = saved.name;
      await this.load();
    }, t('passkeys.failed'));
  }

  private removePasskey(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    const passkey = this.removing!;
    return this.run(
      async () => {
        // No code typed: the passkeys themselves answer for the second factor (the device asks which one).
        const answer = await secondFactorAnswer(String(d.get('code') ?? ''), passkeysSupported());
        await api.removePasskey(passkey.id, String(d.get('password') ?? ''), answer);
        this.removing = undefined;
        this.added = undefined;
        await this.load();
      },
      t('passkeys.failed'),
      t('reconfirm.cancelled'),
    );
  }

  private row(p: PasskeyInfo) {
    return html`<li>
      <strong>${p.name}</strong>
      · ${t('passkeys.added', { date: day(p.createdOn) })}
      · ${p.lastUsedOn ? t('passkeys.lastUsed', { date: day(p.lastUsedOn) }) : t('passkeys.neverUsed')}
      <button type="button" class="secondary" ?disabled=${this.busy} aria-label=${t('passkeys.removeNamed', { name: p.name })}
        @click=${() => {
          this.removing = p;
          this.errors = undefined;
        }}>${t('passkeys.remove')}</button>
    </li>`;
  }

  private removeForm(p: PasskeyInfo) {
    return html`<form class="narrow" @submit=${this.removePasskey} novalidate>
      <h3>${t('passkeys.removeNamed', { name: p.name })}</h3>
      <div class="field">
        <label for="passkey-remove-password">${t('password.current')}</label>
        <input id="passkey-remove-password" name="password" type="password" autocomplete="current-password" required />
      </div>
      <div class="field">
        <label for="passkey-remove-code">${t('passkeys.codeIfApp')}</label>
        <input id="passkey-remove-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" dir="ltr"
          aria-describedby=${passkeysSupported() ? 'passkey-remove-code-hint' : nothing} />
        ${passkeysSupported() ? html`<p class="hint" id="passkey-remove-code-hint">${t('passkeys.orPasskey')}</p>` : nothing}
      </div>
      <button type="submit" class="secondary" ?disabled=${this.busy}>${t('passkeys.remove')}</button>
      <button type="button" @click=${() => (this.removing = undefined)}>${t('passkeys.keep')}</button>
    </form>`;
  }

  render() {
    const list = this.passkeys;
    return html`<section aria-labelledby="passkeys-h">
      <h2 id="passkeys-h">${t('passkeys.title')}</h2>
      <p>${t('passkeys.help')}</p>
      ${generalError(this.errors)}
      ${this.added ? html`<p class="status" role="status">${t('passkeys.addedNow', { name: this.added })}</p>` : nothing}
      ${
        list === undefined
          ? nothing
          : list.length === 0
            ? html`<p>${t('passkeys.none')}</p>`
            : html`<ul class="passkeys">${list.map((p) => this.row(p))}</ul>`
      }
      ${this.removing ? this.removeForm(this.removing) : nothing}
      ${
        !passkeysSupported()
          ? html`<p>${t('passkeys.unsupported')}</p>`
          : (list?.length ?? 0) >= 10
            ? html`<p>${t('passkeys.full')}</p>`
            : html`<form class="narrow" @submit=${this.add} novalidate>
              <h3>${t('passkeys.add')}</h3>
              <div class="field">
                <label for="passkey-name">${t('passkeys.name')}</label>
                <input id="passkey-name" name="name" type="text" maxlength="60" required aria-describedby="passkey-name-hint" />
                <p class="hint" id="passkey-name-hint">${t('passkeys.nameHint')}</p>
              </div>
              <div class="field">
                <label for="passkey-password">${t('password.current')}</label>
                <input id="passkey-password" name="password" type="password" autocomplete="current-password" required />
              </div>
              <button type="submit" ?disabled=${this.busy}>${t('passkeys.add')}</button>
            </form>`
      }
    </section>`;
  }
}
