#!/usr/bin/env node
/**
 * Refreshes data/caniemail.json from the installed `caniemail` package (MIT; its
 * data/caniemail.json is caniemail.com's api/data.json). `npm install --save-dev caniemail@latest`
 * then `node scripts/update-caniemail.mjs`.
 *
 * The snapshot keeps what the client-support rule reads, with each client's test results as an
 * ordered list: the source lists them in test order, and JSON.parse would move integer-like
 * version keys ("2007", "10") ahead of the others, losing that order.
 */
import { readFileSync, writeFileSync, renameSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve('caniemail/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const raw = readFileSync(join(pkgDir, 'data', 'caniemail.json'), 'utf8');

// Integer-like keys get a prefix so the parsed objects keep the file's key order.
const MARK = '~';
const data = JSON.parse(raw.replace(/"(\d+)"(\s*):/g, `"${MARK}$1"$2:`));
const unmark = (k) => (k.startsWith(MARK) ? k.slice(1) : k);

const features = data.data.map((f) => {
  const stats = {};
  for (const [family, platforms] of Object.entries(f.stats ?? {})) {
    for (const [platform, versions] of Object.entries(platforms)) {
      stats[`${family}.${platform}`] = Object.entries(versions).map(([v, s]) => [unmark(v), String(s)]);
    }
  }
  const notes = {};
  for (const [n, text] of Object.entries(f.notes_by_num ?? {})) notes[unmark(n)] = text;
  return { slug: f.slug, title: f.title, category: f.category, url: f.url, keywords: f.keywords ?? null, stats, notes };
});

const out = {
  source: { package: `caniemail@${pkg.version}`, license: pkg.license, homepage: 'https://www.caniemail.com', api_version: data.api_version },
  updated: String(data.last_update_date),
  families: data.nicenames.family,
  platforms: data.nicenames.platform,
  features,
};
const file = join(root, 'data', 'caniemail.json');
writeFileSync(`${file}.tmp`, `${JSON.stringify(out)}\n`);
renameSync(`${file}.tmp`, file);
copyFileSync(join(pkgDir, 'LICENSE'), join(root, 'data', 'caniemail.LICENSE'));
console.log(`data/caniemail.json: ${features.length} features from caniemail@${pkg.version}, updated ${out.updated}`);
