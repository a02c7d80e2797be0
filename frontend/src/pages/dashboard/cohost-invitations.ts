import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement, formErrors, generalError, type FormErrors } from '../../shared/light-element';
import { api } from '../../core/api';
import { t } from '../../core/i18n';
import { paths } from '../../core/router';
import type { CoHost } from '../../core/types';

/**
 * <tocsin-cohost-invitations slug>: other organizations' invitations to co-host, on the organization's
 * dashboard (ORGANIZER+). Accepting puts the event on this organization's page and feeds; declining
 * changes nothing else. Shows nothing when there is none.
 */
@customElement('tocsin-cohost-invitations')
export class CoHostInvitations extends LightElement {
  @property() slug = '';
  @state() private items: CoHost[] = [];
  @state() private errors?: FormErrors;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug') && this.slug) void this.load();
  }

  private async load() {
    try {
      this.items = await api.coHostInvitations(this.slug);
    } catch {
      this.items = [];
    }
  }

  private async decide(c: CoHost, decision: 'accept' | 'decline') {
    this.errors = undefined;
    try {
      await api.decideCoHostInvitation(this.slug, c.id, decision);
    } catch (e) {
      this.errors = formErrors(e, t('error.save'));
    }
    await this.load();
  }

  render() {
    if (!this.items.length && !this.errors) return nothing;
    return html`<section aria-labelledby="cohost-inv-h">
      <h2 id="cohost-inv-h">${t('cohosts.invitations')}</h2>
      ${generalError(this.errors)}
      <ul>
        ${this.items.map(
          (c) => html`<li>
            <a href=${paths.organization(c.host.slug)} dir="auto">${c.host.name}</a> →
            <strong dir="auto">${c.eventTitle}</strong>
            <button type="button" @click=${() => this.decide(c, 'accept')}>
              ${t('cohosts.accept')}<span class="visually-hidden"> ${c.eventTitle}</span>
            </button>
            <button type="button" class="link" @click=${() => this.decide(c, 'decline')}>
              ${t('cohosts.decline')}<span class="visually-hidden"> ${c.eventTitle}</span>
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
