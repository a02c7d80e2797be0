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
  for (const polygon of polygons) {
    for (const r of polygon) {
      let last = '';
      let out = '';
      let n = 0;
      for (const [lon, lat] of ring(r)) {
        const p = `${round(lon + 180)} ${round(90 - lat)}`;
        if (p === last) continue;
        out += (n === 0 ? 'M' : ' ') + p;
        last = p;
        n++;
      }
      if (n >= 3) d += `${out}Z`;
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
