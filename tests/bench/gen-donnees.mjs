// Writes the Données benchmark file: about 50 MB, 500,000 rows of mixed types, `;`
// separator, decimal commas, Windows-1252 (Latin-1) encoding, as French open-data
// portals publish them. Deterministic. Usage: node tests/bench/gen-donnees.mjs <out.csv> [rows]

import { openSync, writeSync, closeSync } from 'node:fs';

const out = process.argv[2];
const rows = Number(process.argv[3] || 500_000);
if (!out) {
  console.error('usage: node tests/bench/gen-donnees.mjs <out.csv> [rows]');
  process.exit(2);
}

let seed = 20261123;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n, w) => String(n).padStart(w, '0');

const prefixes = ['Saint-', 'Sainte-', 'Le ', 'La ', 'Les ', 'Villeneuve-', 'Mont', 'Beau', 'Château-', ''];
const roots = ['Étienne', 'Hélène', 'Brique', 'Œuvre', 'Forêt', 'Rivière', 'Lac', 'Pré', 'Val', 'Côte', 'Noël', 'Gênes'];
const communes = Array.from({ length: 4000 }, (_, i) => `${pick(prefixes)}${pick(roots)}-${i}`);
const categories = ['Énergie', 'Eau', 'Déchets', 'Voirie', 'Écoles', 'Culture', 'Sport', 'Santé', 'Social', 'Numérique'];
const services = ['Services techniques', 'Éducation et jeunesse', 'Affaires culturelles', 'Action sociale', 'Espaces verts', 'Finances', 'Urbanisme', 'Vie associative'];
const notes = ['', '', '', '', 'NA', 'à vérifier', "données provisoires, révisées en fin d'exercice", 'estimation'];

const fd = openSync(out, 'w');
let buffer = 'date;commune;code_insee;categorie;service;montant;quantite;taux;horodatage;commentaire\r\n';
let bytes = 0;
const flush = () => { const b = Buffer.from(buffer, 'latin1'); bytes += b.length; writeSync(fd, b); buffer = ''; };
for (let i = 0; i < rows; i++) {
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const year = 2019 + Math.floor(random() * 6);
  const commune = pick(communes);
  const insee = pad(1000 + Math.floor(random() * 95000), 5);
  const amount = random() < 0.02 ? '' : (random() * 250000 - 20000).toFixed(2).replace('.', ',');
  const quantity = Math.floor(random() * 5000);
  const rate = (random() * 100).toFixed(1).replace('.', ',');
  const stamp = `${year}-${pad(month, 2)}-${pad(day, 2)} ${pad(Math.floor(random() * 24), 2)}:${pad(Math.floor(random() * 60), 2)}:00`;
  const note = pick(notes);
  buffer += `${pad(day, 2)}/${pad(month, 2)}/${year};${commune};${insee};${pick(categories)};${pick(services)};${amount};${quantity};${rate};${stamp};${note}\r\n`;
  if (buffer.length > 1 << 20) flush();
}
flush();
closeSync(fd);
console.log(`${out}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB (Windows-1252)`);
