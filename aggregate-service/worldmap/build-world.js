// Builds the dashboard's world map as GeoJSON for ECharts: the countries of world-atlas 2.0.2
// (ISC; Natural Earth 1:110m, public domain), each feature's properties {id, name} with id the
// country's actor id in enrich-service's countries.tsv (null for territories it does not list),
// coordinates rounded to 0.1 degree, Antarctica left out. Run: cd aggregate-service/worldmap && npm ci && npm run build
'use strict';
const fs = require('fs');
const path = require('path');
const topology = require('world-atlas/countries-110m.json');
const { feature } = require('topojson-client');

const countriesTsv = path.join(__dirname, '../../enrich-service/src/main/resources/io/newsflow/enrich/extract/countries.tsv');
const idByName = new Map();
for (const line of fs.readFileSync(countriesTsv, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [id, name, others] = line.split('\t');
  [name, ...(others || '').split(';')].filter(Boolean).forEach(n => idByName.set(n.toLowerCase(), id));
}
// Natural Earth's short names that countries.tsv spells otherwise; the rest are not states there
const ALSO = { 'Dem. Rep. Congo': 'dr-congo', 'Dominican Rep.': 'dominican-republic', 'Central African Rep.': 'central-african-republic',
  'Eq. Guinea': 'equatorial-guinea', 'Solomon Is.': 'solomon-islands', 'Bosnia and Herz.': 'bosnia-and-herzegovina',
  'S. Sudan': 'south-sudan' };

const round = c => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 10) / 10, Math.round(c[1] * 10) / 10];
// A ring crossing the antimeridian (Russia's Chukotka, Fiji) would be drawn across the whole map:
// its points west of it are moved onto it.
const unwrap = ring => ring.some(p => p[0] > 170) && ring.some(p => p[0] < -170) ? ring.map(p => [p[0] < 0 ? 180 : p[0], p[1]]) : ring;
const rings = (type, c) => type === 'Polygon' ? c.map(unwrap) : c.map(polygon => polygon.map(unwrap));
const world = feature(topology, topology.objects.countries);
world.features = world.features.filter(f => f.properties.name !== 'Antarctica').map(f => ({
  type: 'Feature',
  properties: { id: ALSO[f.properties.name] || idByName.get(f.properties.name.toLowerCase()) || null, name: f.properties.name },
  geometry: { type: f.geometry.type, coordinates: rings(f.geometry.type, round(f.geometry.coordinates)) }
}));
process.stdout.write(JSON.stringify(world) + '\n');
