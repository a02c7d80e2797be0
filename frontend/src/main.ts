import { LitElement, html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';

interface Me {
  displayName: string;
  email: string;
}

/** The app shell: says what Tocsin is and who is signed in. The full app comes with the web-app issue. */
@customElement('tocsin-app')
export class TocsinApp extends LitElement {
  static styles = css`
    h1 { margin-block: 0 0.5rem; }
    .who { color: GrayText; }
  `;

  @state() private me: Me | null = null;
  @state() private loaded = false;

  connectedCallback(): void {
    super.connectedCallback();
    fetch('/api/v1/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : null))
      .catch(() => null)
      .then((me) => {
        this.me = me;
        this.loaded = true;
      });
  }

  render() {
    return html`
      <h1>Tocsin</h1>
      <p>Coordinating vigils, rallies, marches and online sessions across many cities.</p>
      <p class="who" aria-live="polite">
        ${!this.loaded ? '' : this.me ? `Signed in as ${this.me.displayName}` : 'Not signed in'}
      </p>
    `;
  }
}
