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

/** /signin */
@customElement('tocsin-signin-page')
export class SignInPage extends LightElement {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private errors?: FormErrors;
  @state() private busy = false;

  private async submit(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    try {
      await api.login(String(d.get('email')), String(d.get('password')));
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

  render() {
    document.title = `${t('signin.title')} · Tocsin`;
    return html`<h1>${t('signin.title')}</h1>
      <form class="narrow" @submit=${this.submit} novalidate>
        ${generalError(this.errors)}
        ${input('signin-email', 'email', t('account.email'), 'email', 'username', this.errors)}
        ${input('signin-password', 'password', t('account.password'), 'password', 'current-password', this.errors)}
        <button type="submit" ?disabled=${this.busy}>${t('signin.submit')}</button>
      </form>
      <p>${t('signin.noAccount')} <a href=${withNext('/register', this.query)}>${t('register.title')}</a></p>`;
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
