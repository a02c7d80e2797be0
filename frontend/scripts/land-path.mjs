// The land outlines of the campaign map: Natural Earth's 1:110m land (public domain), from the npm package
// world-atlas (TopoJSON), turned at build time into one SVG path in the map's equirectangular 360 × 180 space
// (x = longitude + 180, y = 90 − latitude), rounded to a tenth of a degree. The app fetches it from its own
// origin when a map is first shown.
import { readFileSync } from 'node:fs';

/** The decoded arcs of a quantized TopoJSON topology, as [lon, lat] points. */
function arcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

const round = (n) => Math.round(n * 10) / 10;

export function landPath(topology) {
  const decoded = arcs(topology);
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i < 0 ? [...decoded[~i]].reverse() : decoded[i];
      // Consecutive arcs share their joining point.
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  let d = '';
  const polygons = [];
  for (const g of topology.objects.land.geometries) {
    if (g.type === 'Polygon') polygons.push(g.arcs);
    if (g.type === 'MultiPolygon') polygons.push(...g.arcs);
  }
  const draw = (points) => {
    let last = '';
    let out = '';
    let n = 0;
    for (const [lon, lat] of points) {
      const p = `${round(lon + 180)} ${round(90 - lat)}`;
      if (p === last) continue;
      out += (n === 0 ? 'M' : ' ') + p;
      last = p;
      n++;
    }
    if (n >= 3) d += `${out}Z`;
  };
  for (const polygon of polygons) {
    for (const r of polygon) {
      // The topology is spherical: a ring may cross the antimeridian (Fiji, Chukotka) or go round a pole
      // (Antarctica). Unwrapped longitudes keep the ring in one piece; a ring round a pole is closed along
      // the pole's edge of the map; a ring reaching past ±180° is drawn again a world away, and the map's
      // viewBox clips both copies.
      const points = [];
      for (const [lon, lat] of ring(r)) {
        let x = lon;
        if (points.length) {
          const prev = points[points.length - 1][0];
          while (x - prev > 180) x -= 360;
          while (prev - x > 180) x += 360;
        }
        points.push([x, lat]);
      }
      const turn = points[points.length - 1][0] - points[0][0];
      if (Math.abs(turn) > 180) {
        const pole = points.reduce((s, p) => s + p[1], 0) < 0 ? -90 : 90;
        points.push([points[points.length - 1][0], pole], [points[0][0], pole]);
      }
      const xs = points.map((p) => p[0]);
      draw(points);
      if (Math.max(...xs) > 180.5) draw(points.map(([x, y]) => [x - 360, y]));
      if (Math.min(...xs) < -180.5) draw(points.map(([x, y]) => [x + 360, y]));
    }
  }
  return d;
}

export function landJson() {
  const file = new URL('../node_modules/world-atlas/land-110m.json', import.meta.url);
  return JSON.stringify({
    source: 'Natural Earth 1:110m land (public domain), via world-atlas',
    d: landPath(JSON.parse(readFileSync(file, 'utf8'))),
  });
}
