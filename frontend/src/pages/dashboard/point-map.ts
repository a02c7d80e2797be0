import { html, svg, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightElement } from '../../shared/light-element';
import { landOutlines, project } from '../listing/campaign-map';

/** The degrees of longitude the map shows (half as many of latitude): a city and its surroundings. */
export const SPAN = 0.6;

/** The latitude/longitude under a point of the map's viewBox (the inverse of {@link project}), to 4 decimals (~10 m). */
export function unproject(x: number, y: number): { lat: number; lon: number } {
  const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
  const lat = Math.max(-90, Math.min(90, 90 - y));
  const lon = (((x % 360) + 360) % 360) - 180;
  return { lat: round4(lat), lon: round4(lon) };
}

/** The viewBox of a map of SPAN degrees centred on a place. */
export function viewAround(lat: number, lon: number): { x: number; y: number; width: number; height: number } {
  const c = project(lat, lon);
  return { x: c.x - SPAN / 2, y: c.y - SPAN / 4, width: SPAN, height: SPAN / 2 };
}

/**
 * A small map to refine an event's meeting point: centred on the chosen city, over the campaign map's own land
 * outlines (from this origin; no tiles, nothing from elsewhere). Clicking or dragging moves the point and fires
 * `point-changed` with its lat/lon; the editor's numeric fields are the keyboard's way to the same value, so
 * the map itself is a picture with a label.
 */
@customElement('tocsin-point-map')
export class PointMap extends LightElement {
  /** The map's centre: the city's. */
  @property({ type: Number }) centreLat = 0;
  @property({ type: Number }) centreLon = 0;
  /** The meeting point, when one is set. */
  @property({ type: Number }) lat?: number;
  @property({ type: Number }) lon?: number;
  @property() label = '';
  @state() private land = '';
  private dragging = false;

  connectedCallback(): void {
    super.connectedCallback();
    void landOutlines().then((d) => (this.land = d));
  }

  private at(ev: PointerEvent) {
    const map = this.querySelector('svg');
    const matrix = map?.getScreenCTM();
    if (!map || !matrix) return;
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(matrix.inverse());
    const point = unproject(p.x, p.y);
    this.lat = point.lat;
    this.lon = point.lon;
    this.dispatchEvent(new CustomEvent('point-changed', { detail: point }));
  }

  private down(ev: PointerEvent) {
    this.dragging = true;
    (ev.currentTarget as Element).setPointerCapture?.(ev.pointerId);
    this.at(ev);
  }

  private move(ev: PointerEvent) {
    if (this.dragging) this.at(ev);
  }

  private up() {
    this.dragging = false;
  }

  render() {
    const v = viewAround(this.centreLat, this.centreLon);
    const centre = project(this.centreLat, this.centreLon);
    const point =
      typeof this.lat === 'number' && typeof this.lon === 'number' ? project(this.lat, this.lon) : undefined;
    const r = v.width / 60;
    // A line every tenth of a degree (about 11 km north–south) gives a sense of scale where the coast is far.
    let grid = '';
    for (let x = Math.ceil(v.x * 10) / 10; x < v.x + v.width; x += 0.1) grid += `M${x} ${v.y}V${v.y + v.height}`;
    for (let y = Math.ceil(v.y * 10) / 10; y < v.y + v.height; y += 0.1) grid += `M${v.x} ${y}H${v.x + v.width}`;
    return html`<svg class="point-map campaign-map" viewBox="${v.x} ${v.y} ${v.width} ${v.height}" role="img"
        aria-label=${this.label} preserveAspectRatio="xMidYMid meet"
        @pointerdown=${this.down} @pointermove=${this.move} @pointerup=${this.up} @pointercancel=${this.up}>
      <rect class="sea" x=${v.x} y=${v.y} width=${v.width} height=${v.height}></rect>
      ${this.land ? svg`<path class="land" d=${this.land}></path>` : nothing}
      <path class="graticule" d=${grid}></path>
      <circle class="centre" cx=${centre.x} cy=${centre.y} r=${r * 1.6}></circle>
      ${point ? svg`<circle class="dot point" cx=${point.x} cy=${point.y} r=${r}></circle>` : nothing}
    </svg>`;
  }
}
