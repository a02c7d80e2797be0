// Fails the build when a bundle outgrows its budget (gzipped): the app's JavaScript and CSS under 100 KB,
// the widget under 25 KB. Also fails when the built output references any other origin.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('../target/classes/static/', import.meta.url).pathname;
const KB = 1024;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

const files = walk(root);
const app = files.filter((f) => f.includes('/assets/') && /\.(js|css)$/.test(f));
const appSize = app.reduce((n, f) => n + gz(f), 0);
const widget = join(root, 'widget/tocsin-events.js');
const widgetSize = gz(widget);
let failed = false;
const report = (name, size, budget) => {
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${(size / KB).toFixed(1)} KB gzipped (budget ${budget / KB} KB)`);
};
report('app (all JS and CSS)', appSize, 100 * KB);
report('widget', widgetSize, 25 * KB);
// The campaign map's land outlines, fetched only when a map is shown (not part of the app's first load).
report('map land outlines (lazy)', gz(join(root, 'map/land-110m.json')), 25 * KB);

// No third-party assets: the only absolute URLs allowed in what we ship are links people click (not loaded).
const allowed = [
  /^https:\/\/calendar\.google\.com\/calendar\/render/,
  /^https:\/\/schema\.org/,
  /^http:\/\/www\.w3\.org\//,
  /^https?:\/\/(127\.0\.0\.1|localhost)/,
];
for (const f of files.filter((x) => /\.(js|css|html)$/.test(x))) {
  for (const m of readFileSync(f, 'utf8').matchAll(/(?:src|href)\s*=\s*["'](https?:\/\/[^"']+)/g)) {
    if (!allowed.some((re) => re.test(m[1]))) {
      failed = true;
      console.log(`FAIL ${f} loads ${m[1]}`);
    }
  }
}
if (failed) process.exit(1);
