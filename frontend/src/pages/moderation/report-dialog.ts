import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { ApiError, api } from '../../core/api';
import { t, type MessageKey } from '../../core/i18n';

export const REPORT_CATEGORIES = ['FAKE_EVENT', 'SPAM', 'INCITEMENT', 'DOXXING', 'OTHER'] as const;
export const MAX_REPORT_TEXT = 1000;

/** The body of POST /api/v1/reports, from the dialog's form. */
export function reportBody(kind: string, target: string, category: string, text: string) {
  const trimmed = text.trim();
  return { kind, target, category, ...(trimmed ? { text: trimmed.slice(0, MAX_REPORT_TEXT) } : {}) };
}

/**
 * <tocsin-report kind target>: "Report" on an event's, organization's or campaign's page. No account is
 * needed and nothing about the reporter is kept; the platform's moderators see the reason and the text.
 */
@customElement('tocsin-report')
export class ReportDialog extends LightElement {
  /** EVENT, ORGANIZATION or CAMPAIGN. */
  @property() kind = 'EVENT';
  /** An event's id, or an organization's or campaign's slug. */
  @property() target = '';
  @state() private open = false;
  @state() private sent = false;
  @state() private error = '';
  @state() private busy = false;

  private async send(ev: Event) {
    ev.preventDefault();
    const d = new FormData(ev.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      await api.post(
        '/api/v1/reports',
        reportBody(this.kind, this.target, String(d.get('category') ?? ''), String(d.get('text') ?? '')),
      );
      this.sent = true;
      this.open = false;
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : t('error.save');
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.sent) return html`<p class="report-sent" role="status">${t('report.sent')}</p>`;
    if (!this.open) {
      return html`<button type="button" class="secondary report-open" @click=${() => (this.open = true)}>${t('report.open')}</button>`;
    }
    return html`<form class="report" @submit=${this.send} aria-labelledby="report-h">
      <h2 id="report-h">${t('report.heading')}</h2>
      <p class="hint">${t('report.privacy')}</p>
      <div class="field">
        <label for="report-category">${t('report.category')}</label>
        <select id="report-category" name="category" required>
          ${REPORT_CATEGORIES.map((c) => html`<option value=${c}>${t(`report.category.${c}` as MessageKey)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="report-text">${t('report.text')}</label>
        <textarea id="report-text" name="text" rows="3" maxlength=${MAX_REPORT_TEXT}></textarea>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button type="submit" ?disabled=${this.busy}>${t('report.send')}</button>
      <button type="button" class="secondary" @click=${() => (this.open = false)}>${t('report.cancel')}</button>
    </form>`;
  }
}
