/**
 * Every regular-expression literal of src/ and rules/ is checked for catastrophic backtracking
 * with recheck (its native backend when installed). A literal passes when recheck says `safe`,
 * or when it is in ALLOWED below, each entry saying why its running time is bounded anyway.
 * Then templates carrying the attack strings recheck found for the regexes this test made us
 * rewrite go through `lint`, and the corpus's deeply nested .eml is linted.
 */
import { describe, it, expect } from 'vitest';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { lint } from '../src/api.js';
// @ts-expect-error a plain ESM helper without types
import { regexLiterals } from './regex-literals.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = corpusPresent('regex-safety (the corpus .eml)');

/**
 * Literals recheck cannot prove safe within its time limit (it gives up on large alternations),
 * with the reason their matching time is linear in the input anyway.
 */
const ALLOWED: Record<string, string> = {
  // src/model/merge-tags.ts: `{% … %}` and `%%= … =%%` tags
  '\\{%[^]{1,400}?%\\}': 'the lazy run is capped at 400 characters: at most 400 steps from each `{%`',
  '%%=[^]{1,400}?=%%': 'the lazy run is capped at 400 characters: at most 400 steps from each `%%=`',
  // src/model/merge-tags.ts: Braze's own tags (tested against one tag's text, at most ~400 characters)
  '\\$\\{|^\\{%-?\\s*(connected_content|abort_message|content_blocks|catalog_items)\\b': 'literal alternatives after an anchored `{%`; the one run (`\\s*`) is followed by letters, so each start reads one run; only ever tested against a single merge tag',
  // src/input/bytes.ts: the declared charset
  '<meta(?=\\s)[^<>]*?charset\\s*=\\s*["\']?([\\w:.\\-]+)': 'called only on the first 4,096 characters: of a file that is not UTF-8 (decodeBytes, src/input/bytes.ts) and of an .eml HTML part (src/input/eml.ts)',
  // src/model/classify.ts: social hosts
  '(^|\\.)(facebook\\.com|fb\\.com|fb\\.me|twitter\\.com|x\\.com|t\\.co|instagram\\.com|linkedin\\.com|lnkd\\.in|youtube\\.com|youtu\\.be|pinterest\\.[a-z]+(?:\\.[a-z]+)?|tiktok\\.com|snapchat\\.com|threads\\.net|bsky\\.app|mastodon\\.social|reddit\\.com|tumblr\\.com|vimeo\\.com|dribbble\\.com|behance\\.net|github\\.com|discord\\.gg|discord\\.com|whatsapp\\.com|wa\\.me|t\\.me|telegram\\.me|flickr\\.com|medium\\.com|twitch\\.tv|xing\\.com|vk\\.com)$':
    'literal alternatives; the only runs (`[a-z]+`) stop at the next dot, so each start reads at most two labels',
  // src/css/selectors.ts: pseudo-elements
  '::?(before|after|first-line|first-letter)\\b|::[\\w-]+': 'literal alternatives; `[\\w-]+` cannot match `:`, so runs from different starts do not overlap',
  // src/css/values.ts: image values, anchored at the start
  '^(url|(-\\w+-)?(repeating-)?(linear|radial|conic)-gradient|image-set|-webkit-image-set|image)\\(': 'anchored at the start: one attempt, and `-\\w+-` reads one word',
};

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

interface Literal { file: string; line: number; source: string; flags: string }
const literals: Literal[] = [];
for (const file of [...sources(path.join(root, 'src')), ...sources(path.join(root, 'rules'))]) {
  const text = fs.readFileSync(file, 'utf8');
  for (const r of regexLiterals(text) as Array<{ source: string; flags: string; offset: number }>) {
    literals.push({ file: path.relative(root, file), line: text.slice(0, r.offset).split('\n').length, source: r.source, flags: r.flags });
  }
}

describe('regular expressions', () => {
  it('the scanner finds the literals, and every literal is a valid regex', () => {
    expect(literals.length).toBeGreaterThan(300);
    for (const l of literals) expect(() => new RegExp(l.source, l.flags), `${l.file}:${l.line}`).not.toThrow();
  });

  it('every allowlisted literal still exists', () => {
    const present = new Set(literals.map((l) => l.source));
    for (const s of Object.keys(ALLOWED)) expect(present.has(s), s).toBe(true);
  });

  it('recheck finds no catastrophic backtracking outside the allowlist', async () => {
    // The native binary when its package is installed (fast), else recheck's own choice.
    let native = false;
    try { createRequire(import.meta.url).resolve('recheck-linux-x64/package.json'); native = process.platform === 'linux' && process.arch === 'x64'; } catch { /* not installed */ }
    process.env.RECHECK_BACKEND ??= native ? 'native' : 'auto';
    const { check } = await import('recheck');
    const unique = new Map<string, Literal>();
    for (const l of literals) if (!ALLOWED[l.source]) unique.set(`/${l.source}/${l.flags}`, l);
    const bad: string[] = [];
    for (const l of unique.values()) {
      // A short limit first; a literal recheck could not decide in time (a loaded machine) gets a longer one.
      let d = await check(l.source, l.flags, { timeout: 2000 });
      if (d.status === 'unknown' && d.error.kind === 'timeout') d = await check(l.source, l.flags, { timeout: 10_000 });
      if (d.status === 'safe') continue;
      const why = d.status === 'vulnerable' ? `${d.complexity.type}, attack ${d.attack.pattern}` : `unknown (${d.error.kind})`;
      bad.push(`${l.file}:${l.line} /${l.source}/${l.flags}: ${why}`);
    }
    expect(bad).toEqual([]);
  }, 300_000);
});

/** Attack strings recheck found for regexes since rewritten, placed where template text reaches them. */
const N = 50_000;
const hostile: Array<[string, string]> = [
  ['comments before the doctype', `${'<!---->'.repeat(N / 7)}x<!doctype html><p>x</p>`],
  ['unclosed comments before the doctype', `${'<!--'.repeat(N / 4)}<!doctype html>`],
  ['a long number in a CSS length', `<p style="font-size:-${'0'.repeat(N)}\tpx;line-height:${'0'.repeat(N)}.;width:${'0'.repeat(N)}r">x</p>`],
  ['whitespace in a CSS value', `<p style="color:${'\t'.repeat(N)}x;font:${'\t'.repeat(N)}\u0000/">x</p>`],
  ['a media query with a huge value', `<style>@media (max-width:${'\t'.repeat(N)}x) {p{color:red}} @media (-webkit-min-device-pixel-ratio:${'0'.repeat(N)}\tP){p{color:blue}}</style><p>x</p>`],
  ['unclosed attribute selectors', `<style>${'['.repeat(N)} p{color:red}</style><p>x</p>`],
  ['an MSO conditional full of whitespace', `<!--[if${'\t'.repeat(N)}<![endif]--><!--[if ${'\t'.repeat(N)}]><!--${'\t'.repeat(N)}x--><p>x</p>`],
  ['trailing punctuation in a CTA label', `<a href="https://example.com/a" style="background:#000;color:#fff;padding:12px">Buy${'!'.repeat(N)}x</a>`],
  ['open angle brackets before a link', `<body>${'<'.repeat(N)}<a href="https://example.com">Shop</a></body>`],
  ['title tags without an end', `<head>${'<title>'.repeat(N / 7)}</head><p>x</p>`],
  ['a subject of Lose and exclamation marks', `<head><title>${'pounds Lose '.repeat(N / 12)}${'!'.repeat(N)}?</title></head><p>x</p>`],
  ['meta tags before a charset', `<head>${'<meta<'.repeat(N / 6)}<meta charset=${'\t'.repeat(N)}=x></head>`],
  ['a long directive comment', `<!-- inboxlint-enable\te${'\t'.repeat(N)}\t- --><p>x</p>`],
  ['a long pinterest host', `<a href="https://${'pinterest.'.repeat(N / 10)}x/">f</a>`],
];

describe('hostile templates finish', () => {
  // Each took 5 to 20 s at this size with the regexes before the rewrite (quadratic); linear code
  // lints them in well under a second, so a 5 s bound separates the two even on a loaded machine.
  for (const [name, text] of hostile) {
    it(name, async () => {
      const t = performance.now();
      const [result] = await lint({ text, filePath: 'hostile.html' });
      expect(result.filePath).toContain('hostile.html');
      expect(performance.now() - t).toBeLessThan(5000);
    }, 30_000);
  }

  it.runIf(corpus)('lints the corpus .eml with a very deep HTML tree', async () => {
    const file = path.join(CORPUS_DIR, 'nodemailer__mailparser/test/fixtures/htmllargecallstack.eml');
    const t = performance.now();
    const [result] = await lint(file);
    expect(result.filePath).toBe(file);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(performance.now() - t).toBeLessThan(10_000);
  }, 60_000);
});

describe('deep trees', () => {
  it('100,000 nested divs: no rule fails on the call stack', async () => {
    const n = 100_000;
    const text = `<!doctype html><html><body>${'<div>'.repeat(n)}x${'</div>'.repeat(n)}</body></html>`;
    const [result] = await lint({ text, filePath: 'nested.html' }, { maxFileTime: 0 });
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  }, 120_000);
});
