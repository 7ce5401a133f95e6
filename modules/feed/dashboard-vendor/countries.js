// Adds the ISO 3166-1 alpha-2 code (properties.a2) to world-atlas's country outlines, which carry the numeric code.
// Outlines without a numeric code get theirs by name: Natural Earth draws them apart from the state they belong
// to in ISO 3166 (or, for Kosovo, the code in common use).
'use strict';
const fs = require('fs');
const [atlasFile, isoFile] = process.argv.slice(2);
const atlas = JSON.parse(fs.readFileSync(atlasFile, 'utf8'));
const iso = JSON.parse(fs.readFileSync(isoFile, 'utf8'))['3166-1'];
const byNumeric = new Map(iso.map((c) => [c.numeric, c.alpha_2]));
const byName = { 'N. Cyprus': 'CY', Somaliland: 'SO', Kosovo: 'XK' };
for (const g of atlas.objects.countries.geometries) {
  const a2 = g.id != null ? byNumeric.get(g.id) : byName[g.properties.name];
  if (!a2) throw new Error('no ISO 3166-1 alpha-2 code for ' + g.properties.name + ' (' + g.id + ')');
  g.properties.a2 = a2;
}
process.stdout.write(JSON.stringify(atlas));
