import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { locale, t } from '../../core/i18n';
import { formatDate, formatTime } from '../../core/format';
import { navigate } from '../../core/router';
import { sessionChanged } from '../../core/session';
import type { SessionInfo } from '../../core/types';

/** A date and time in the browser's own zone and the page's language and calendar. */
function when(iso: string): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const loc = locale();
  return `${formatDate(iso, zone, loc, true)}${loc.separator}${formatTime(iso, zone, loc)}`;
}

/**
 * "Where you are signed in": each session by device family and last use (Tocsin keeps no address), ended one by
 * one, or all at once with every API token and calendar address ("sign out everywhere", for a lost phone).
 */
@customElement('tocsin-sessions-panel')
export class SessionsPanel extends LightElement {
  @state() private sessions?: SessionInfo[];
  @state() private errors?: FormErrors;
  @state() private busy = false;

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.sessions = await api.sessions();
    } catch (e) {
      this.errors = formErrors(e, t('error.load'));
    }
  }

  private async end(id: string) {
    this.busy = true;
    try {
      await api.endSession(id);
      await this.load();
    } catch (e) {
      this.errors = formErrors(e, t('sessions.failed'));
    } finally {
      this.busy = false;
    }
  }

  private async everywhere() {
    if (!confirm(t('sessions.everywhereConfirm'))) return;
    this.busy = true;
    try {
      await api.signOutEverywhere();
      api.resetCsrf();
      sessionChanged();
      navigate('/signin');
    } catch (e) {
      this.errors = formErrors(e, t('sessions.failed'));
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<section aria-labelledby="sessions-h">
      <h2 id="sessions-h">${t('sessions.title')}</h2>
      <p>${t('sessions.help')}</p>
      ${generalError(this.errors)}
      ${
        this.sessions
          ? html`<ul class="sessions">
            ${this.sessions.map(
              (s) => html`<li>
                <strong>${s.device}</strong>${s.current ? html` (${t('sessions.this')})` : nothing}
                · ${t('sessions.lastUsed', { when: when(s.lastUsedAt) })}
                ${
                  s.current
                    ? nothing
                    : html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.end(s.id)}>
                      ${t('sessions.end')}
                    </button>`
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }
      <button type="button" ?disabled=${this.busy} @click=${this.everywhere}>${t('sessions.everywhere')}</button>
      <h3>${t('export.title')}</h3>
      <p>${t('export.help')}</p>
      <p><a class="button" href="/api/v1/me/export" download="tocsin-export.json">${t('export.download')}</a></p>
    </section>`;
  }
}
