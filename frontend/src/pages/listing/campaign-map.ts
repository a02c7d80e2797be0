import { html, nothing, svg } from 'lit';
import type { CityCount } from '../../core/types';
import { lang } from '../../core/i18n';
import { cityName } from '../../core/city-names';

/**
 * A small world map of a day of action: one dot per city, its area proportional to the city's actions.
 * Equirectangular (x = longitude, y = latitude) over Natural Earth's land outlines (public domain, built into the
 * app and fetched from its own origin when a map is first shown; no tiles, no third party), zoomed to fit every
 * dot, with names on the largest clusters. The map is a picture (role="img" with a summary); the list of cities
 * next to it holds the links and is its accessible equivalent.
 */
export const MAP_WIDTH = 360;
export const MAP_HEIGHT = 180;
const MIN_R = 2;
const MAX_R = 8;

export interface Point {
  x: number;
  y: number;
}

/** Where a latitude/longitude falls in the map's 360 × 180 viewBox (north at the top, whatever the page's direction). */
export function project(lat: number, lon: number): Point {
  const clampedLat = Math.max(-90, Math.min(90, lat));
  const wrappedLon = ((((lon + 180) % 360) + 360) % 360) - 180;
  return { x: wrappedLon + 180, y: 90 - clampedLat };
}

/** A dot's radius: its area grows with the count, the busiest city's dot is MAX_R. */
export function radius(events: number, most: number): number {
  if (most <= 0) return MIN_R;
  return MIN_R + (MAX_R - MIN_R) * Math.sqrt(Math.max(0, events) / most);
}

export interface MapDot extends Point {
  r: number;
  city: CityCount;
}

/** The cities that can be drawn (those with a place), largest first so small dots stay on top. */
export function dots(cities: readonly CityCount[]): MapDot[] {
  const placed = cities.filter((c) => typeof c.lat === 'number' && typeof c.lon === 'number');
  const most = Math.max(0, ...placed.map((c) => c.events));
  return [...placed]
    .sort((a, b) => b.events - a.events)
    .map((city) => ({ ...project(city.lat!, city.lon!), r: radius(city.events, most), city }));
}

const round = (n: number) => Math.round(n * 10) / 10;

const GRATICULE = (() => {
  let d = '';
  for (let lat = -60; lat <= 60; lat += 30) d += `M-180 ${90 - lat}H540`;
  for (let lon = -150; lon <= 150; lon += 30) d += `M${lon + 180} -90V270`;
  return d;
})();

export interface View {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Map units per "world" unit: dots and labels keep their size on screen however far the view zooms. */
  scale: number;
}

/** The narrowest view (in degrees of longitude): one city alone is not blown up to fill the picture. */
const MIN_WIDTH = 90;

/**
 * The part of the world the map shows: every dot whole, with room around it (a dot at the map's edge, such as
 * Auckland's, is never cut off), 2:1 like the world itself, at most the whole world with a margin.
 */
export function viewFor(drawn: readonly MapDot[]): View {
  const xs = drawn.map((d) => d.x);
  const ys = drawn.map((d) => d.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let width = Math.max(MIN_WIDTH, (maxX - minX) * 1.25, (maxY - minY) * 2 * 1.25);
  // The margin holds the largest dot and a label beside it, both scaled with the view.
  width += 2 * (MAX_R + 2) * (width / MAP_WIDTH) + 24 * (width / MAP_WIDTH);
  if (width >= MAP_WIDTH + 2 * (MAX_R + 2)) {
    const margin = MAX_R + 2;
    return { x: -margin, y: -margin / 2, width: MAP_WIDTH + 2 * margin, height: MAP_HEIGHT + margin, scale: 1 };
  }
  const height = width / 2;
  return {
    x: (minX + maxX) / 2 - width / 2,
    y: (minY + maxY) / 2 - height / 2,
    width,
    height,
    scale: width / MAP_WIDTH,
  };
}

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
}

/**
 * Names for the largest clusters: nearby dots (within a few percent of the view) form a cluster named after its
 * busiest city ("Berlin +3"); the busiest clusters are named first, and a name that would overlap one already
 * placed is left out. At most {@code max} names: the list beside the map names every city.
 */
export function labels(drawn: readonly MapDot[], view: View, max = 5, language = lang()): Label[] {
  const near = view.width * 0.06;
  const clusters: { head: MapDot; members: MapDot[]; events: number }[] = [];
  for (const d of drawn) {
    const c = clusters.find((k) => Math.hypot(k.head.x - d.x, k.head.y - d.y) <= near);
    if (c) {
      c.members.push(d);
      c.events += d.city.events;
    } else clusters.push({ head: d, members: [d], events: d.city.events });
  }
  clusters.sort((a, b) => b.events - a.events);
  const size = 9 * view.scale;
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const out: Label[] = [];
  for (const c of clusters) {
    if (out.length >= max) break;
    const name = cityName(c.head.city, language);
    const text = c.members.length > 1 ? `${name} +${c.members.length - 1}` : name;
    const textWidth = text.length * size * 0.55;
    const right = c.head.x < view.x + view.width / 2;
    const gap = c.head.r * view.scale + 1.5 * view.scale;
    const x = right ? c.head.x + gap : c.head.x - gap;
    const box = {
      x0: right ? x : x - textWidth,
      x1: right ? x + textWidth : x,
      y0: c.head.y - size * 0.6,
      y1: c.head.y + size * 0.6,
    };
    if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) continue;
    placed.push(box);
    out.push({ x: round(x), y: round(c.head.y + size * 0.35), text, anchor: right ? 'start' : 'end' });
  }
  return out;
}

/** The land outlines (Natural Earth 1:110m, built into /map/land-110m.json): fetched once, when a map is shown. */
let land: Promise<string> | undefined;
export function landOutlines(): Promise<string> {
  land ??= fetch('/map/land-110m.json')
    .then((r) => (r.ok ? (r.json() as Promise<{ d: string }>) : { d: '' }))
    .then((j) => j.d)
    .catch(() => '');
  return land;
}

/**
 * The map, or nothing when no city has a place (an online-only campaign). {@code landPath} is the outline from
 * {@link landOutlines}, absent until it has arrived (the dots are drawn without it meanwhile).
 */
export function campaignMap(cities: readonly CityCount[], label: string, landPath = '') {
  const drawn = dots(cities);
  if (drawn.length === 0) return nothing;
  const view = viewFor(drawn);
  const s = view.scale;
  return html`<svg class="campaign-map" viewBox=${[view.x, view.y, view.width, view.height].map(round).join(' ')}
      role="img" aria-label=${label} preserveAspectRatio="xMidYMid meet">
    <rect class="sea" x=${round(view.x)} y=${round(view.y)} width=${round(view.width)} height=${round(view.height)}></rect>
    <path class="graticule" d=${GRATICULE}></path>
    ${landPath ? svg`<path class="land" d=${landPath}></path>` : nothing}
    <path class="equator" d="M-180 90H540"></path>
    ${drawn.map(
      (d) => svg`<circle class="dot" cx=${round(d.x)} cy=${round(d.y)} r=${round(d.r * s)}
        data-city=${d.city.cityKey}></circle>`,
    )}
    ${labels(drawn, view).map(
      (l) => svg`<text class="label" x=${l.x} y=${l.y} text-anchor=${l.anchor} font-size=${round(9 * s)}
        stroke-width=${round(2 * s)}>${l.text}</text>`,
    )}
  </svg>`;
}
