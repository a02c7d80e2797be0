import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement } from '../shared/light-element';
import { api } from '../core/api';
import { LOCALES, lang, setLanguage, t } from '../core/i18n';
import { MEMBER_ROUTES, isAppPath, match, navigate, signInFirst, type Route } from '../core/router';
import { currentUser, sessionChanged } from '../core/session';
import type { Me } from '../core/types';
import '../pages/home/home-page';
import '../pages/listing/city-page';
import '../pages/listing/organization-page';
import '../pages/listing/campaign-page';
import '../pages/event/event-page';
import '../pages/rsvp/rsvp-page';
import '../pages/join/join-page';
import '../pages/account/account-pages';
import '../pages/account/verify-email-page';
import '../pages/dashboard/dashboard-page';
import '../pages/dashboard/org-admin-page';
import '../pages/dashboard/event-editor';
import '../pages/dashboard/rsvp-list-page';
import '../pages/embed/embed-page';
import '../pages/moderation/moderation-page';
import { forgetOffline } from '../pwa/offline';

/** The app: header, language switch, and the page of the current URL. */
@customElement('tocsin-app')
export class TocsinApp extends LightElement {
  @state() private route: Route = match(location.pathname, location.search);
  @state() private me: Me | null = null;
  /** Whether the last question "who is signed in?" was answered (false while it is asked again). */
  @state() private sessionSettled = false;
  private firstRender = true;

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onLocation);
    window.addEventListener('tocsin-navigate', this.onLocation);
    window.addEventListener('tocsin-session', this.onSession);
    document.addEventListener('click', this.onClick);
    this.onSession();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onLocation);
    window.removeEventListener('tocsin-navigate', this.onLocation);
    window.removeEventListener('tocsin-session', this.onSession);
    document.removeEventListener('click', this.onClick);
  }

  /**
   * A page the server rendered (for readers without JavaScript and link previews) gives way to the app's
   * own rendering of the same page; it stays painted until the app's first render replaces it.
   */
  protected createRenderRoot(): HTMLElement {
    this.querySelector(':scope > [data-server-page]')?.remove();
    return super.createRenderRoot();
  }

  private onSession = () => {
    this.sessionSettled = false;
    void currentUser(true).then((me) => {
      this.me = me;
      this.sessionSettled = true;
    });
  };

  protected willUpdate(): void {
    // A member's page opened signed out (a bookmark, a link in a mail, an expired session): sign in, then come back.
    if (this.sessionSettled && !this.me && MEMBER_ROUTES.has(this.route.name))
      navigate(signInFirst(location.pathname + location.search), true);
  }

  private onLocation = () => {
    const before = this.route.name + JSON.stringify(this.route.params);
    this.route = match(location.pathname, location.search);
    const after = this.route.name + JSON.stringify(this.route.params);
    if (before !== after) {
      window.scrollTo(0, 0);
      // Tell screen readers a new page is here: focus the main region.
      this.updateComplete.then(() => this.querySelector<HTMLElement>('#main')?.focus({ preventScroll: true }));
    }
  };

  /** Same-origin links to app pages navigate without reloading; feeds, .ics files and other sites load as usual. */
  private onClick = (ev: MouseEvent) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.composedPath().find((n) => n instanceof HTMLAnchorElement) as HTMLAnchorElement | undefined;
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (!isAppPath(url)) return;
    ev.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };

  private async signOut() {
    try {
      await api.logout();
    } finally {
      sessionChanged();
      void forgetOffline();
      navigate('/');
    }
  }

  private changeLanguage(ev: Event) {
    const l = (ev.target as HTMLSelectElement).value;
    setLanguage(l);
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', l);
      history.replaceState(null, '', url);
    }
  }

  private page() {
    const { name, params, query } = this.route;
    // Not before the session is known: signed out, a member's page would only show the API's refusals.
    if (MEMBER_ROUTES.has(name) && !this.me) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    switch (name) {
      case 'home':
        return html`<tocsin-home-page .query=${query}></tocsin-home-page>`;
      case 'city':
        return html`<tocsin-city-page country=${params.country} city=${params.city}></tocsin-city-page>`;
      case 'organization':
        return html`<tocsin-organization-page slug=${params.slug}></tocsin-organization-page>`;
      case 'campaign':
        return html`<tocsin-campaign-page slug=${params.slug}></tocsin-campaign-page>`;
      case 'event':
        return html`<tocsin-event-page eventId=${params.id} occurrence=${query.get('occurrence') ?? ''}></tocsin-event-page>`;
      case 'rsvp':
        return html`<tocsin-rsvp-page token=${params.token}></tocsin-rsvp-page>`;
      case 'join':
        return html`<tocsin-join-page token=${params.token}></tocsin-join-page>`;
      case 'signin':
        return html`<tocsin-signin-page .query=${query}></tocsin-signin-page>`;
      case 'register':
        return html`<tocsin-register-page .query=${query}></tocsin-register-page>`;
      case 'forgot-password':
        return html`<tocsin-forgot-password-page></tocsin-forgot-password-page>`;
      case 'reset-password':
        return html`<tocsin-reset-password-page></tocsin-reset-password-page>`;
      case 'verify-email':
        return html`<tocsin-verify-email-page></tocsin-verify-email-page>`;
      case 'dashboard':
        return html`<tocsin-dashboard-page></tocsin-dashboard-page>`;
      case 'moderation':
        return html`<tocsin-moderation-page></tocsin-moderation-page>`;
      case 'org-admin':
        return html`<tocsin-org-admin-page slug=${params.slug}></tocsin-org-admin-page>`;
      case 'event-new':
        return html`<tocsin-event-editor organization=${params.slug} fromCampaign=${query.get('campaign') ?? ''}></tocsin-event-editor>`;
      case 'event-edit':
        return html`<tocsin-event-editor eventId=${params.id}></tocsin-event-editor>`;
      case 'event-rsvps':
        return html`<tocsin-rsvp-list-page eventId=${params.id}></tocsin-rsvp-list-page>`;
      case 'embed':
        return html`<tocsin-embed-page></tocsin-embed-page>`;
      default:
        return html`<h1>${t('error.notFound')}</h1><p><a href="/">${t('nav.home')}</a></p>`;
    }
  }

  render() {
    if (this.firstRender) {
      this.firstRender = false;
      this.replaceChildren();
    }
    if (this.route.name === 'embed-events') {
      return html`<main id="main" class="embedded"><tocsin-embed-events .query=${this.route.query}></tocsin-embed-events></main>`;
    }
    if (this.route.name === 'home') document.title = `${t('home.title')} · Tocsin`;
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        this.querySelector<HTMLElement>('#main')?.focus();
      }}>${t('nav.skip')}</a>
      <header class="site">
        <a class="brand" href="/">Tocsin</a>
        <nav aria-label=${t('nav.label')}>
          <ul>
            <li><a href="/" aria-current=${this.route.name === 'home' ? 'page' : 'false'}>${t('nav.actions')}</a></li>
            <li><a href="/embed" aria-current=${this.route.name === 'embed' ? 'page' : 'false'}>${t('nav.embed')}</a></li>
            ${
              this.me
                ? html`<li><a href="/dashboard">${t('nav.dashboard')}</a></li>
              ${this.me.admin ? html`<li><a href="/dashboard/moderation">${t('nav.moderation')}</a></li>` : nothing}
              <li><button type="button" class="link" @click=${this.signOut}>${t('nav.signOut')}</button></li>`
                : html`<li><a href="/signin">${t('nav.signIn')}</a></li>`
            }
          </ul>
        </nav>
        <label class="lang"><span class="visually-hidden">${t('nav.language')}</span>
          <select @change=${this.changeLanguage}>
            ${Object.values(LOCALES).map((l) => html`<option value=${l.lang} lang=${l.lang} ?selected=${l.lang === lang()}>${l.name}</option>`)}
          </select>
        </label>
      </header>
      <main id="main" tabindex="-1">${this.page()}</main>
      <footer class="site"><p>${t('footer.privacy')}</p>${nothing}</footer>`;
  }
}
