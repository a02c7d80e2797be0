import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement, fieldError, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';
import { paths } from '../../core/router';
import type { CoHost } from '../../core/types';

/**
 * <tocsin-cohosts-panel event-id>: an event's co-hosts on its editor. The host's organizers invite an
 * organization by its slug; every invitation shows where it stands, and an open or accepted one can be
 * ended (by the host's organizers or the co-host's own; the server decides who may).
 */
@customElement('tocsin-cohosts-panel')
export class CoHostsPanel extends LightElement {
  @property({ attribute: 'event-id' }) eventId = '';
  @state() private items: CoHost[] = [];
  @state() private errors?: FormErrors;
  @state() private busy = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('eventId') && this.eventId) void this.load();
  }

  private async load() {
    try {
      this.items = await api.coHosts(this.eventId);
    } catch {
      this.items = [];
    }
  }

  private async invite(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const slug = String(new FormData(form).get('organization') ?? '').trim();
    this.busy = true;
    this.errors = undefined;
    try {
      await api.inviteCoHost(this.eventId, slug);
      form.reset();
      await this.load();
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    } finally {
      this.busy = false;
    }
  }

  private async end(c: CoHost) {
    this.errors = undefined;
    try {
      await api.endCoHost(this.eventId, c.organization.slug);
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    }
    await this.load();
  }

  render() {
    const e = this.errors;
    return html`<section class="cohosts-panel" aria-labelledby="cohosts-h">
      <h2 id="cohosts-h">${t('cohosts.heading')}</h2>
      <p class="hint">${t('cohosts.hint')}</p>
      ${generalError(e)}
      ${
        this.items.length
          ? html`<ul>
              ${this.items.map(
                (c) => html`<li>
                  <a href=${paths.organization(c.organization.slug)} dir="auto">${c.organization.name}</a>
                  <span class="badge">${t(`cohosts.state.${c.state}` as MessageKey)}</span>
                  ${
                    c.state === 'PENDING' || c.state === 'ACCEPTED'
                      ? html`<button type="button" class="link danger" @click=${() => this.end(c)}>
                          ${t('cohosts.end')}<span class="visually-hidden"> ${c.organization.name}</span>
                        </button>`
                      : nothing
                  }
                </li>`,
              )}
            </ul>`
          : html`<p>${t('cohosts.none')}</p>`
      }
      <form @submit=${this.invite} novalidate>
        <label for="cohost-org">${t('cohosts.organization')}</label>
        <input id="cohost-org" name="organization" required maxlength="64" dir="ltr" autocomplete="off" />
        ${fieldError(e, 'organization', 'cohost-org-error')}
        <button type="submit" ?disabled=${this.busy}>${t('cohosts.invite')}</button>
      </form>
    </section>`;
  }
}
