import { LitElement, html, nothing } from 'lit';
import { onLanguageChange } from '../core/i18n';
import { ApiError } from '../core/api';

/**
 * The app's pages render into the light DOM so that one stylesheet (served from 'self', as the CSP wants)
 * styles them all, and re-render when the language changes.
 */
export class LightElement extends LitElement {
  private offLanguage?: () => void;

  protected createRenderRoot(): HTMLElement {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.offLanguage = onLanguageChange(() => this.requestUpdate());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offLanguage?.();
  }
}

/** Field messages from a problem detail, plus the general message when no field was named. */
export interface FormErrors {
  fields: Record<string, string>;
  general?: string;
}

export function formErrors(e: unknown, fallback: string): FormErrors {
  if (e instanceof ApiError) {
    const fields = e.fieldErrors();
    return { fields, general: Object.keys(fields).length ? undefined : e.message || fallback };
  }
  return { fields: {}, general: fallback };
}

/** The message shown next to a field (its id is what the input's aria-describedby points at). */
export function fieldError(errors: FormErrors | undefined, field: string, id: string) {
  const msg = errors?.fields[field];
  return msg ? html`<p class="field-error" id=${id}>${msg}</p>` : nothing;
}

export function generalError(errors: FormErrors | undefined) {
  return errors?.general ? html`<p class="error" role="alert">${errors.general}</p>` : nothing;
}

/** The attributes of an input that may carry an error. */
export function invalid(errors: FormErrors | undefined, field: string): 'true' | 'false' {
  return errors?.fields[field] ? 'true' : 'false';
}
