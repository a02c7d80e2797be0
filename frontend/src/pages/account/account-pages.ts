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
import { api, ApiError } from '../../core/api';
import { t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { sessionChanged } from '../../core/session';
import { getPasskey, passkeysSupported } from '../../core/webauthn';

/** Where to go after signing in or registering: `next` when it is a path of this site (never "//elsewhere.example"). */
export function nextPath(query: URLSearchParams): string {
  const next = query.get('next') ?? '';
  return /^\/(?![/\\])/.test(next) ? next : '/dashboard';
}

/** The same `next`, to carry over between the sign-in and register pages. */
function withNext(path: string, query: URLSearchParams): string {
  return query.has('next') ? `${path}?next=${encodeURIComponent(nextPath(query))}` : path;
}

function input(
  id: string,
  name: string,
  label: string,
  type: string,
  autocomplete: string,
  e?: FormErrors,
  hint?: string,
) {
  const describedBy = [hint ? `${id}-hint` : '', e?.fields[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} autocomplete=${autocomplete} required dir=${ifDefined(type === 'email' ? 'ltr' : undefined)}
      aria-invalid=${invalid(e, name)} aria-describedby=${ifDefined(describedBy || undefined)} />
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
    ${fieldError(e, name, `${id}-error`)}
  </div>`;
}

/**
 * /signin: the password, then (for accounts with two-factor sign-in) a code from the app or a recovery code, or a
 * passkey ("Use a passkey": the device signs this site's challenge).
 */
@customElement('tocsin-signin-page')
export class SignInPage extends LightElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private errors?: FormErrors;
  @state() private busy = false;
  /** Set once the password was right on an account with two-factor sign-in. */
  @state() private challenge?: string;
  /** What finishes the second step for this account: `code`, `passkey`, or both. */
  @state() private methods: string[] = ['code'];

  private async submit(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    try {
      const second = await api.login(String(d.get('email')), String(d.get('password')));
      if (second) {
        this.errors = undefined;
        this.challenge = second.challenge;
        this.methods = second.methods ?? ['code'];
        return;
      }
      sessionChanged();
      navigate(nextPath(this.query));
    } catch (e) {
      this.errors =
        e instanceof ApiError && e.status === 401
          ? { fields: {}, general: t('signin.failed') }
          : formErrors(e, t('signin.failed'));
    } finally {
      this.busy = false;
    }
  }

  private async submitCode(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    try {
      await api.loginSecondFactor(this.challenge!, String(d.get('code')).trim());
      sessionChanged();
      navigate(nextPath(this.query));
    } catch (e) {
      this.errors =
        e instanceof ApiError && e.status === 401
          ? { fields: {}, general: t('signin.codeFailed') }
          : formErrors(e, t('signin.codeFailed'));
    } finally {
      this.busy = false;
    }
  }

  private async usePasskey() {
    this.busy = true;
    this.errors = undefined;
    try {
      const options = await api.loginPasskeyOptions(this.challenge!);
      await api.loginPasskey(this.challenge!, await getPasskey(options));
      sessionChanged();
      navigate(nextPath(this.query));
    } catch (e) {
      this.errors =
        e instanceof DOMException
          ? { fields: {}, general: t('signin.passkeyCancelled') }
          : e instanceof ApiError && e.status === 401
            ? { fields: {}, general: t('signin.passkeyFailed') }
            : formErrors(e, t('signin.passkeyFailed'));
    } finally {
      this.busy = false;
    }
  }

  private restart() {
    this.challenge = undefined;
    this.errors = undefined;
  }

  render() {
    document.title = `${t('signin.title')} · Tocsin`;
    if (this.challenge) {
      const passkey = this.methods.includes('passkey') && passkeysSupported();
      return html`<h1>${t('signin.title')}</h1>
        ${generalError(this.errors)}
        ${
          passkey
            ? html`<p>${t('signin.passkeyHint')}</p>
              <p><button type="button" class="passkey" ?disabled=${this.busy} @click=${this.usePasskey}>${t('signin.usePasskey')}</button></p>`
            : ''
        }
        ${
          this.methods.includes('code')
            ? html`<form class="narrow" @submit=${this.submitCode} novalidate>
              <div class="field">
                <label for="signin-code">${t('signin.code')}</label>
                <input id="signin-code" name="code" type="text" inputmode="text" autocomplete="one-time-code" required
                  dir="ltr" aria-describedby="signin-code-hint" />
                <p class="hint" id="signin-code-hint">${t('signin.codeHint')}</p>
              </div>
              <button type="submit" ?disabled=${this.busy}>${t('signin.submit')}</button>
            </form>`
            : ''
        }
        <p><button type="button" class="secondary" @click=${this.restart}>${t('signin.startOver')}</button></p>`;
    }
    return html`<h1>${t('signin.title')}</h1>
      <form class="narrow" @submit=${this.submit} novalidate>
        ${generalError(this.errors)}
        ${input('signin-email', 'email', t('account.email'), 'email', 'username', this.errors)}
        ${input('signin-password', 'password', t('account.password'), 'password', 'current-password', this.errors)}
        <button type="submit" ?disabled=${this.busy}>${t('signin.submit')}</button>
      </form>
      <p><a href="/forgot-password">${t('reset.forgot')}</a></p>
      <p>${t('signin.noAccount')} <a href=${withNext('/register', this.query)}>${t('register.title')}</a></p>`;
  }
}

/** /forgot-password: asks for a reset link; the answer is the same whether the address has an account. */
@customElement('tocsin-forgot-password-page')
export class ForgotPasswordPage extends LightElement {
  @state() private errors?: FormErrors;
  @state() private busy = false;
  @state() private sent = false;

  private async submit(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    this.errors = undefined;
    try {
      await api.requestPasswordReset(String(d.get('email')));
      this.sent = true;
    } catch (e) {
      this.errors = formErrors(e, t('reset.failed'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    document.title = `${t('reset.title')} · Tocsin`;
    return html`<h1>${t('reset.title')}</h1>
      ${
        this.sent
          ? html`<p class="status" role="status">${t('reset.sent')}</p>`
          : html`<p>${t('reset.intro')}</p>
            <form class="narrow" @submit=${this.submit} novalidate>
              ${generalError(this.errors)}
              ${input('reset-email', 'email', t('account.email'), 'email', 'username', this.errors)}
              <button type="submit" ?disabled=${this.busy}>${t('reset.send')}</button>
            </form>`
      }`;
  }
}

/** /reset-password#token=…: the link from the mail (the token is in the fragment, which no server sees). */
@customElement('tocsin-reset-password-page')
export class ResetPasswordPage extends LightElement {
  @state() private errors?: FormErrors;
  @state() private busy = false;
  @state() private done = false;

  private token(): string {
    return new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  }

  private async submit(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    this.errors = undefined;
    try {
      await api.confirmPasswordReset(this.token(), String(d.get('newPassword')));
      this.done = true;
    } catch (e) {
      const errors = formErrors(e, t('reset.failed'));
      this.errors = errors.fields.token ? { fields: errors.fields, general: t('reset.badLink') } : errors;
    } finally {
      this.busy = false;
    }
  }

  render() {
    document.title = `${t('reset.title')} · Tocsin`;
    if (this.done) {
      return html`<h1>${t('reset.title')}</h1>
        <p class="status" role="status">${t('reset.done')}</p>
        <p><a href="/signin">${t('signin.title')}</a></p>`;
    }
    return html`<h1>${t('reset.title')}</h1>
      <form class="narrow" @submit=${this.submit} novalidate>
        ${generalError(this.errors)}
        ${input('reset-new-password', 'newPassword', t('password.new'), 'password', 'new-password', this.errors, t('account.passwordHint'))}
        <button type="submit" ?disabled=${this.busy}>${t('reset.submit')}</button>
      </form>`;
  }
}

/** /register */
@customElement('tocsin-register-page')
export class RegisterPage extends LightElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private errors?: FormErrors;
  @state() private busy = false;

  private async submit(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    const email = String(d.get('email'));
    const password = String(d.get('password'));
    this.busy = true;
    this.errors = undefined;
    try {
      await api.register(email, password, String(d.get('displayName')));
      await api.login(email, password);
      sessionChanged();
      navigate(nextPath(this.query));
    } catch (e) {
      this.errors =
        e instanceof ApiError && e.problem.type === '/problems/email-taken'
          ? { fields: { email: t('register.emailTaken') } }
          : formErrors(e, t('register.failed'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    document.title = `${t('register.title')} · Tocsin`;
    return html`<h1>${t('register.title')}</h1>
      <p>${t('register.intro')}</p>
      <form class="narrow" @submit=${this.submit} novalidate>
        ${generalError(this.errors)}
        ${input('reg-name', 'displayName', t('account.displayName'), 'text', 'nickname', this.errors, t('account.displayNameHint'))}
        ${input('reg-email', 'email', t('account.email'), 'email', 'username', this.errors)}
        ${input('reg-password', 'password', t('account.password'), 'password', 'new-password', this.errors, t('account.passwordHint'))}
        <button type="submit" ?disabled=${this.busy}>${t('register.submit')}</button>
      </form>
      <p><a href=${withNext('/signin', this.query)}>${t('signin.title')}</a></p>`;
  }
}
