import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { ApiError, api } from '../../core/api';
import { locale, t, type MessageKey } from '../../core/i18n';
import { paths } from '../../core/router';
import type { Report, Suspension, Takedown } from '../../core/moderation-types';

/** The moderation routes for one report's target: hide and restore its event or organization. */
export function targetActions(r: Pick<Report, 'kind' | 'targetId' | 'organizationId'>): {
  hide: string;
  restore: string;
} {
  const base =
    r.kind === 'EVENT'
      ? `/api/v1/moderation/events/${encodeURIComponent(r.targetId)}`
      : `/api/v1/moderation/organizations/${encodeURIComponent(r.organizationId)}`;
  return { hide: `${base}/hide`, restore: `${base}/restore` };
}

/**
 * /dashboard/moderation: the platform admins' queue. Open reports (newest first, with how many others are
 * about the same target), hide or restore the target (an event, or the organization behind an organization
 * or campaign report), dismiss a report, what is hidden now, and suspended accounts. Others get a 404.
 */
@customElement('tocsin-moderation-page')
export class ModerationPage extends LightElement {
  @state() private reports: Report[] | null = null;
  @state() private takedowns: Takedown[] = [];
  @state() private suspensions: Suspension[] = [];
  @state() private missing = false;
  @state() private message = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      [this.reports, this.takedowns, this.suspensions] = await Promise.all([
        api.get<Report[]>('/api/v1/moderation/reports'),
        api.get<Takedown[]>('/api/v1/moderation/takedowns'),
        api.get<Suspension[]>('/api/v1/moderation/suspensions'),
      ]);
    } catch {
      this.missing = true;
    }
  }

  private async act(run: () => Promise<unknown>, done: MessageKey) {
    this.message = '';
    try {
      await run();
      this.message = t(done);
      await this.load();
    } catch (e) {
      this.message = e instanceof ApiError ? e.message : t('error.save');
    }
  }

  private suspend(ev: Event) {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const userId = String(new FormData(form).get('userId') ?? '').trim();
    if (!userId || !confirm(t('moderation.suspendConfirm'))) return;
    void this.act(
      () => api.post(`/api/v1/moderation/accounts/${encodeURIComponent(userId)}/suspend`),
      'moderation.suspended',
    );
    form.reset();
  }

  render() {
    document.title = `${t('moderation.title')} · Tocsin`;
    if (this.missing) return html`<h1>${t('error.notFound')}</h1>`;
    if (!this.reports) return html`<p aria-live="polite">${t('common.loading')}</p>`;
    const fmt = new Intl.DateTimeFormat(locale().intl, { dateStyle: 'medium', timeStyle: 'short' });
    return html`
      <h1>${t('moderation.title')}</h1>
      <p class="status" role="status" aria-live="polite">${this.message}</p>
      <section aria-labelledby="reports-h">
        <h2 id="reports-h">${t('moderation.reports')}</h2>
        ${
          this.reports.length
            ? html`<ul class="reports">
                ${this.reports.map((r) => {
                  const to = targetActions(r);
                  return html`<li data-id=${r.id}>
                    <span class="badge">${t(`moderation.kind.${r.kind}` as MessageKey)}</span>
                    ${
                      r.kind === 'EVENT'
                        ? html`<a href=${paths.event(r.targetId)}><bdi>${r.label}</bdi></a>`
                        : html`<bdi>${r.label}</bdi>`
                    }
                    · ${t(`report.category.${r.category}` as MessageKey)} · <time datetime=${r.at}>${fmt.format(new Date(r.at))}</time>
                    ${r.openReportsAboutTarget > 1 ? html`<small>${t('moderation.others', { count: r.openReportsAboutTarget })}</small>` : nothing}
                    ${r.targetHidden ? html`<span class="badge">${t('moderation.hidden')}</span>` : nothing}
                    ${r.text ? html`<p dir="auto">${r.text}</p>` : nothing}
                    <div class="actions">
                      ${
                        r.targetHidden
                          ? html`<button type="button" @click=${() => this.act(() => api.post(to.restore), 'moderation.restored')}>${t('moderation.restore')}</button>`
                          : html`<button type="button" class="danger" @click=${() => this.act(() => api.post(to.hide), 'moderation.hiddenDone')}>
                              ${r.kind === 'EVENT' ? t('moderation.hideEvent') : t('moderation.hideOrganization')}
                            </button>`
                      }
                      <button type="button" class="secondary" @click=${() => this.act(() => api.post(`/api/v1/moderation/reports/${encodeURIComponent(r.id)}/dismiss`), 'moderation.dismissed')}>
                        ${t('moderation.dismiss')}
                      </button>
                    </div>
                  </li>`;
                })}
              </ul>`
            : html`<p>${t('moderation.noReports')}</p>`
        }
      </section>
      <section aria-labelledby="takedowns-h">
        <h2 id="takedowns-h">${t('moderation.takedowns')}</h2>
        ${
          this.takedowns.length
            ? html`<ul class="plain">
                ${this.takedowns.map(
                  (d) => html`<li>
                    <span class="badge">${t(`moderation.kind.${d.kind}` as MessageKey)}</span> <bdi>${d.label}</bdi>
                    <button type="button" class="link" @click=${() =>
                      this.act(
                        () =>
                          api.post(
                            targetActions({ kind: d.kind, targetId: d.targetId, organizationId: d.targetId }).restore,
                          ),
                        'moderation.restored',
                      )}>${t('moderation.restore')}</button>
                  </li>`,
                )}
              </ul>`
            : html`<p>${t('moderation.noTakedowns')}</p>`
        }
      </section>
      <section aria-labelledby="suspend-h">
        <h2 id="suspend-h">${t('moderation.suspensions')}</h2>
        <p class="hint">${t('moderation.suspendHint')}</p>
        <form class="narrow" @submit=${this.suspend}>
          <div class="field">
            <label for="suspend-user">${t('moderation.userId')}</label>
            <input id="suspend-user" name="userId" required maxlength="64" dir="ltr" />
          </div>
          <button type="submit" class="danger">${t('moderation.suspend')}</button>
        </form>
        <ul class="plain">
          ${this.suspensions.map(
            (s) => html`<li><bdi>${s.displayName ?? s.userId}</bdi> <code dir="ltr">${s.userId}</code>
              <button type="button" class="link" @click=${() =>
                this.act(
                  () => api.del(`/api/v1/moderation/accounts/${encodeURIComponent(s.userId)}/suspend`),
                  'moderation.lifted',
                )}>
                ${t('moderation.lift')}</button></li>`,
          )}
        </ul>
      </section>`;
  }
}
