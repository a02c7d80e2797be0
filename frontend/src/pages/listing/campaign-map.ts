import { html, nothing, svg } from 'lit';
import type { CityCount } from '../../core/types';

/**
 * A small world map of a day of action: one dot per city, its area proportional to the city's actions.
 * Equirectangular (x = longitude, y = latitude), drawn over a 30° graticule: no land outline, no tiles and
 * nothing fetched, so the map costs a few hundred bytes and reveals nothing to anyone. The map is a picture
 * (role="img" with a summary); the list of cities next to it holds the links and is its accessible equivalent.
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
  for (let lat = -60; lat <= 60; lat += 30) d += `M0 ${90 - lat}H${MAP_WIDTH}`;
  for (let lon = -150; lon <= 150; lon += 30) d += `M${lon + 180} 0V${MAP_HEIGHT}`;
  return d;
})();

/** The map, or nothing when no city has a place (an online-only campaign). */
export function campaignMap(cities: readonly CityCount[], label: string) {
  const drawn = dots(cities);
  if (drawn.length === 0) return nothing;
  return html`<svg class="campaign-map" viewBox="0 0 360 180" role="img" aria-label=${label}
      preserveAspectRatio="xMidYMid meet">
    <rect class="sea" x="0" y="0" width="360" height="180"></rect>
    <path class="graticule" d=${GRATICULE}></path>
    <path class="equator" d="M0 90H360"></path>
    ${drawn.map(
      (d) => svg`<circle class="dot" cx=${round(d.x)} cy=${round(d.y)} r=${round(d.r)}
        data-city=${d.city.cityKey}></circle>`,
    )}
  </svg>`;
}
