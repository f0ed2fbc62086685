// Writes Briques' commune directory (www/communes/communes.tsv) from the découpage
// administratif published by Etalab on npm (@etalab/decoupage-administratif, pinned in
// package-lock.json next to this file). Run by scripts/make-communes; the format is read
// by core/src/communes.rs, whose documentation describes it.
//
// Deterministic: the same package gives the same bytes (sorted lines, no date), so the
// committed file can be checked against its source (scripts/make-communes --check).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, 'node_modules', '@etalab', 'decoupage-administratif');
const read = (name) => JSON.parse(readFileSync(join(pkgDir, 'data', name), 'utf8'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

const out = process.argv[2] ?? join(here, '..', '..', 'www', 'communes', 'communes.tsv');

const regions = read('regions.json');
const departements = read('departements.json');
const epcis = read('epci.json');
const communes = read('communes.json');

// The file's own codes for the kinds of commune: INSEE's TYPECOM of the code officiel
// géographique (core's CommuneKind spells the same codes).
const KINDS = {
  'commune-actuelle': 'COM',
  'arrondissement-municipal': 'ARM',
  'commune-deleguee': 'COMD',
  'commune-associee': 'COMA',
};
const KIND_ORDER = ['COM', 'ARM', 'COMD', 'COMA'];

function fail(message) {
  console.error(`make-index : ${message}`);
  process.exit(1);
}

// A field may hold any text but the two separators of the format.
function field(value, what) {
  const text = value === undefined || value === null ? '' : String(value);
  if (/[\t\r\n]/.test(text)) fail(`${what} contient une tabulation ou un saut de ligne : ${JSON.stringify(text)}`);
  return text.trim();
}

// A commune's SIREN is most often "21", its département on two digits (2A and 2B as
// 20), "0", its number in the département and a Luhn check digit: such SIRENs are
// written "=" and rebuilt by the reader (a sixth of the compressed file saved).
function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
function usualSiren(insee) {
  const code = insee.replace(/^2[AB]/, '20');
  if (!/^[0-9]{5}$/.test(code)) return null;
  const body = `21${code.slice(0, 2)}0${code.slice(2)}`;
  return body + luhn(body);
}
function sirenField(c) {
  const siren = field(c.siren, `SIREN de ${c.code}`);
  return siren !== '' && siren === usualSiren(c.code) ? '=' : siren;
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// Which EPCI each commune belongs to (at most one: the package's EPCI are those with
// their own taxation, which never overlap).
const epciOf = new Map();
for (const e of epcis) {
  for (const m of e.membres) {
    if (epciOf.has(m.code)) fail(`la commune ${m.code} est dans deux EPCI`);
    epciOf.set(m.code, e.code);
  }
}

const lines = [];
lines.push('briques-communes\t1');
lines.push(
  [
    'source',
    `${pkg.name} ${pkg.version}`,
    "Etalab : code officiel géographique de l'INSEE, EPCI de la DGCL, populations légales de l'INSEE, codes postaux de La Poste",
    'Licence Ouverte 2.0 (données), MIT (code)',
  ].join('\t'),
);
for (const r of [...regions].sort(byCode)) {
  lines.push(['region', field(r.code, 'code de région'), field(r.nom, 'nom de région')].join('\t'));
}
for (const d of [...departements].sort(byCode)) {
  lines.push(
    ['departement', field(d.code, 'code de département'), field(d.region, 'région'), field(d.nom, 'nom de département')].join('\t'),
  );
}
for (const e of [...epcis].sort(byCode)) {
  lines.push(['epci', field(e.code, 'SIREN d’EPCI'), field(e.nom, 'nom d’EPCI')].join('\t'));
}

const rows = communes.map((c) => {
  const kind = KINDS[c.type];
  if (!kind) fail(`type de commune inconnu : ${c.type} (${c.code})`);
  const parent = kind === 'ARM' ? c.commune : kind === 'COM' ? '' : c.chefLieu;
  return {
    kind,
    fields: [
      kind,
      field(c.code, 'code INSEE'),
      field(c.nom, `nom de ${c.code}`),
      field(c.departement, `département de ${c.code}`),
      (c.codesPostaux ?? []).map((p) => field(p, `code postal de ${c.code}`)).join(' '),
      sirenField(c),
      kind === 'COM' ? field(epciOf.get(c.code), `EPCI de ${c.code}`) : '',
      field(c.population, `population de ${c.code}`),
      field(parent, `commune de rattachement de ${c.code}`),
    ],
  };
});
rows.sort((a, b) => {
  const [ca, cb] = [a.fields[1], b.fields[1]];
  if (ca !== cb) return ca < cb ? -1 : 1;
  const [ka, kb] = [KIND_ORDER.indexOf(a.kind), KIND_ORDER.indexOf(b.kind)];
  if (ka !== kb) return ka - kb;
  return a.fields[2] < b.fields[2] ? -1 : a.fields[2] > b.fields[2] ? 1 : 0;
});
const seen = new Set();
for (const row of rows) {
  const id = `${row.kind} ${row.fields[1]}`;
  if (seen.has(id)) fail(`deux lignes ${id}`);
  seen.add(id);
  lines.push(row.fields.join('\t'));
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.error(`make-index : ${rows.length} communes écrites dans ${out}`);
