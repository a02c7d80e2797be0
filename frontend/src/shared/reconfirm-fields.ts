import { html, nothing } from 'lit';
import { t } from '../core/i18n';
import { passkeyOffered } from '../core/reconfirm';

/**
 * The second factor's part of a form that confirms again (ids prefixed with {@code prefix}): the app's code when
 * the account has an app, and a word that a passkey confirms it, instead of the code (left empty) or alone.
 */
export function reconfirmFields(prefix: string, methods: string[]) {
  const code = methods.includes('code');
  const passkey = passkeyOffered(methods);
  return html`${
    code
      ? html`<div class="field">
        <label for="${prefix}-code">${t('twoFactor.code')}</label>
        <input id="${prefix}-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" ?required=${!passkey}
          dir="ltr" aria-describedby=${passkey ? `${prefix}-passkey-hint` : nothing} />
        ${passkey ? html`<p class="hint" id="${prefix}-passkey-hint">${t('reconfirm.passkeyOrCode')}</p>` : nothing}
      </div>`
      : nothing
  }${passkey && !code ? html`<p class="hint" id="${prefix}-passkey-hint">${t('reconfirm.passkey')}</p>` : nothing}`;
}
