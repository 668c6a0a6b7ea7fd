/**
 * MJML input: compile with mjml 5 and map findings back to MJML source lines.
 *
 * How a finding on the compiled HTML finds its MJML line
 * ------------------------------------------------------
 * Rules read the HTML that mjml produces from the file as written (the "real" compile: the
 * text the user would send). To know which MJML element produced which HTML, the file is
 * compiled a second time with a marker on every body component: a unique `css-class="ilqNq"`
 * (merged with the element's own css-class, or with the css-class it would inherit from
 * mj-attributes, so the output keeps its classes). mjml writes a component's css-class on the
 * outer HTML element it renders for that component (plus `ilqNq-outlook` on its Outlook ghost
 * table cell), so the subtree of each marked HTML element is that component's "region".
 * Included files are marked too (mjml runs `preprocessors` on every file it parses); their
 * regions map to the `<mj-include>` line of the file being linted.
 * The marked HTML is then aligned with the real HTML (token diff: they differ only by the
 * markers and mjml's random carousel ids), and the regions are carried over to real offsets.
 *
 * `mapSpan(range)` then answers, in order of precision:
 * 1. offsets inside the raw content of an ending tag (mj-text, mj-button label, mj-raw,
 *    mj-table, mj-navbar-link, mj-social-element, mj-accordion-title/-text, mj-title,
 *    mj-preview), which mjml copies verbatim, map to the exact MJML line and column;
 * 2. a range that is an attribute value equal to one on the producing element (an mj-button's
 *    href) maps to that attribute value;
 * 3. anything else maps to the start tag of the innermost component whose region holds it
 *    (`<mj-button …>`), the `<mj-include>` for included components, `<mj-head>` / `<mj-body>` /
 *    `<mjml>` for the skeleton mjml adds.
 * Findings that exist only in the MJML (mjml-valid) carry a `sourceRange` in MJML offsets
 * instead, spanned by `doc.sourceSpan()`.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import { EmailDocument, type TextSource } from '../model/document.js';
import type { LoadOptions } from './types.js';
import { InputError } from '../errors.js';
import { insideFolder } from '../paths.js';
import type { MjmlFacts, MjmlIssue } from '../model/extra.js';

export type { MjmlIssue } from '../model/extra.js';
import { LineIndex, type Range, type Span } from '../model/location.js';
import { parseMjmlSource, mjAttr, ENDING_TAGS, type MjmlElement, type MjmlSource, type XmlProblem } from './mjml-source.js';
import { cacheKey, defaultMjmlCache, type CachedCompile, type MjmlCache } from './mjml-cache.js';
import { alignTexts, mapOffset } from '../model/text-align.js';
import { parseFragment } from '../model/parse-html.js';
import { walk } from '../model/document.js';

export interface MjmlInclude {
  element: MjmlElement;
  path: string;
  resolved: string;
  exists: boolean;
  type: 'mjml' | 'css' | 'html';
  /** Nested includes of the included file. */
  children: MjmlInclude[];
  /** Parsed source of the included file (mjml type, when readable). */
  source?: MjmlSource;
  problem?: string;
  /** It includes a file that is already being included (mjml cannot compile the template). */
  circular?: boolean;
  /** It names a named pipe, a socket or a device: mjml would block reading it, so the template is refused. */
  special?: string;
}

/** `doc.facts.mjml` as this adapter makes it: what rules read (MjmlFacts, in the model) plus the source map's inputs. */
export interface MjmlExtra extends MjmlFacts {
  source: MjmlSource;
  includes: MjmlInclude[];
  /** The MJML element (of this file) whose output holds the HTML offset. */
  elementAt(htmlOffset: number): MjmlElement | undefined;
}

/** The MJML facts of a document this adapter made (with its source map), else undefined. */
export function mjmlOf(doc: EmailDocument): MjmlExtra | undefined {
  return doc.kind === 'mjml' ? (doc.facts.mjml as MjmlExtra | undefined) : undefined;
}

export const MJML_NOTE = 'lines refer to the MJML source; ranges to the compiled HTML';

const MARK_PREFIX = 'ilq';
const MARK_RE = /ilq(\d+)q/;
/** Components that do not take css-class (or sit in mj-head). */
const UNMARKED = new Set(['mjml', 'mj-head', 'mj-raw', 'mj-include', 'mj-attributes', 'mj-all', 'mj-class', 'mj-selector', 'mj-html-attribute']);

let mjmlVersion: string | undefined;
function getMjmlVersion(): string {
  if (!mjmlVersion) {
    try {
      const req = createRequire(import.meta.url);
      mjmlVersion = (req('mjml/package.json') as { version: string }).version;
    } catch {
      mjmlVersion = 'unknown';
    }
  }
  return mjmlVersion;
}

type Mjml2Html = (input: string, options: Record<string, unknown>) => Promise<{ html: string; errors: CachedCompile['errors'] }>;
let compiler: Mjml2Html | undefined;
async function getCompiler(): Promise<Mjml2Html> {
  if (!compiler) {
    const mod = (await import('mjml')) as unknown as { default: Mjml2Html | { default: Mjml2Html } };
    compiler = typeof mod.default === 'function' ? mod.default : mod.default.default;
  }
  return compiler;
}

/** The folder includes resolve against: the file's folder when it exists, else the working directory. */
function baseDir(filePath: string): string {
  const dir = dirname(resolve(filePath));
  try {
    if (statSync(dir).isDirectory()) return dir;
  } catch {
    // virtual path (docs examples, stdin)
  }
  return process.cwd();
}

/** The real path of `p` (symbolic links resolved), or `p` when it does not exist. */
function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Resolves `mj-include` elements recursively (as mjml does: relative to the including file,
 * never outside its folder, also through a symbolic link). `seen` holds the real paths of the
 * files being included (the linted file first), so a cycle is found before mjml meets it.
 */
export function resolveIncludes(source: MjmlSource, dir: string, seen: Set<string> = new Set()): MjmlInclude[] {
  const out: MjmlInclude[] = [];
  for (const el of source.elements) {
    if (el.tag !== 'mj-include') continue;
    const path = mjAttr(el, 'path')?.raw ?? '';
    const t = mjAttr(el, 'type')?.raw;
    const type = t === 'css' || t === 'html' ? t : 'mjml';
    // The path as mjml reads it: URL-decoded (repeatedly, as its parser does).
    const resolved = resolve(dir, mjmlDecodedPath(path));
    const inc: MjmlInclude = { element: el, path, resolved, exists: false, type, children: [] };
    out.push(inc);
    if (!path) {
      inc.problem = 'mj-include has no path';
      continue;
    }
    const real = realOrSelf(resolved);
    if (isAbsolute(path) || !insideFolder(dir, resolved) || !insideFolder(realOrSelf(dir), real)) {
      inc.problem = `mj-include path "${path}" points outside the template's folder; mjml refuses it`;
      continue;
    }
    inc.special = specialFile(real);
    if (inc.special) {
      inc.problem = `mj-include "${path}" is ${inc.special}, not a file: reading it could block for ever`;
      continue;
    }
    let text: string;
    try {
      if (!statSync(real).isFile()) throw new Error('not a file');
      text = readFileSync(real, 'utf8');
      inc.exists = true;
    } catch {
      inc.problem = `mj-include cannot read "${path}" (${resolved})`;
      continue;
    }
    if (type !== 'mjml') continue;
    if (seen.has(real)) {
      inc.problem = `mj-include "${path}" includes itself (circular include)`;
      inc.circular = true;
      continue;
    }
    inc.source = parseMjmlSource(text);
    inc.children = resolveIncludes(inc.source, dirname(resolved), new Set([...seen, real]));
  }
  return out;
}

/** mjml's decoding of an include path: URL-decoded until it no longer changes (at most 10 times). */
function mjmlDecodedPath(path: string): string {
  let out = path;
  for (let i = 0; i < 10; i++) {
    let next: string;
    try {
      next = decodeURIComponent(out);
    } catch {
      break;
    }
    if (next === out) break;
    out = next;
  }
  return out;
}

/** What a path is when it is a named pipe, a socket or a device (reading one would block or never end); undefined otherwise. */
function specialFile(path: string): string | undefined {
  try {
    const st = statSync(path);
    if (st.isFIFO()) return 'a named pipe (FIFO)';
    if (st.isSocket()) return 'a socket';
    if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  } catch {
    // missing or unreadable: mjml reports it
  }
  return undefined;
}

/**
 * Every `mj-include` path written in a text, however it is nested (comments and raw content
 * included): a superset of what mjml's own parser reads, so no include escapes the check for
 * special files (`specialIncludes`).
 */
function writtenIncludePaths(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const OPEN = '<mj-include';
  // One pass: each tag's attributes run to the first ">" outside quotes.
  for (let at = lower.indexOf(OPEN); at !== -1; at = lower.indexOf(OPEN, at)) {
    let i = at + OPEN.length;
    let quote = '';
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    for (const a of text.slice(at + OPEN.length, i).matchAll(/\bpath\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) out.push(a[1] ?? a[2] ?? a[3]);
    at = i;
  }
  return out;
}

/** The first include written in `text` (resolved against `dir`) that is a pipe, socket or device, with what it is. */
function specialInclude(text: string, dir: string): { path: string; what: string } | undefined {
  for (const p of writtenIncludePaths(text)) {
    const decoded = mjmlDecodedPath(p);
    const resolved = resolve(dir, decoded);
    // mjml refuses a path out of the folder before reading it.
    if (isAbsolute(decoded) || !insideFolder(realOrSelf(dir), realOrSelf(resolved))) continue;
    const what = specialFile(resolved);
    if (what) return { path: p, what };
  }
  return undefined;
}

/** The chain of includes from the linted file to the first one that closes a cycle. */
function circularChain(incs: MjmlInclude[]): MjmlInclude[] | undefined {
  for (const i of incs) {
    if (i.circular) return [i];
    const rest = circularChain(i.children);
    if (rest) return [i, ...rest];
  }
  return undefined;
}

/** The text mjml's parser sees for an included file (it wraps fragments in <mjml><mj-body>). */
function asParsed(inc: MjmlInclude): string {
  const t = inc.source!.text;
  return t.indexOf('<mjml>') === -1 ? `<mjml><mj-body>${t}</mj-body></mjml>` : t;
}

function flattenIncludes(incs: MjmlInclude[]): MjmlInclude[] {
  return incs.flatMap((i) => [i, ...flattenIncludes(i.children)]);
}

/** The top-level include (in the linted file) an include belongs to. */
function topInclude(incs: MjmlInclude[], target: MjmlInclude): MjmlInclude | undefined {
  for (const i of incs) if (i === target || flattenIncludes(i.children).includes(target)) return i;
  return undefined;
}

/** css-class values set in mj-attributes (per tag, per mj-class, mj-all), so markers keep them. */
function cssClassDefaults(sources: MjmlSource[]): { byTag: Map<string, string>; byClass: Map<string, string> } {
  const byTag = new Map<string, string>();
  const byClass = new Map<string, string>();
  for (const s of sources) {
    for (const el of s.elements) {
      if (el.parent?.tag !== 'mj-attributes') continue;
      const cc = mjAttr(el, 'css-class')?.raw;
      if (cc === undefined) continue;
      if (el.tag === 'mj-class') {
        const name = mjAttr(el, 'name')?.raw;
        if (name) byClass.set(name, cc);
      } else byTag.set(el.tag, cc);
    }
  }
  return { byTag, byClass };
}

function insideHead(el: MjmlElement): boolean {
  for (let p: MjmlElement | null = el; p; p = p.parent) if (p.tag === 'mj-head' || p.tag === 'mj-attributes') return true;
  return false;
}

/**
 * Inserts the markers into an MJML text (start tags only: lines do not move).
 * `onMark(n, el)` records which element marker n stands for.
 */
function markSource(src: MjmlSource, defaults: ReturnType<typeof cssClassDefaults>, next: () => number, onMark: (n: number, el: MjmlElement) => void): string {
  const edits: Array<{ at: number; end: number; text: string }> = [];
  for (const el of src.elements) {
    if (UNMARKED.has(el.tag) || insideHead(el) || !el.tag.startsWith('mj-')) continue;
    const n = next();
    onMark(n, el);
    const marker = `${MARK_PREFIX}${n}q`;
    const own = mjAttr(el, 'css-class');
    if (own) {
      edits.push({ at: own.valueRange.start, end: own.valueRange.start, text: own.raw.trim() ? `${marker} ` : marker });
      continue;
    }
    const mjClasses = (mjAttr(el, 'mj-class')?.raw ?? '').split(/\s+/).filter(Boolean);
    const inherited = mjClasses.map((c) => defaults.byClass.get(c)).filter(Boolean).join(' ') || defaults.byTag.get(el.tag) || '';
    const at = el.startTag.start + 1 + el.tag.length;
    edits.push({ at, end: at, text: ` css-class="${inherited ? `${marker} ${inherited}` : marker}"` });
  }
  edits.sort((a, b) => b.at - a.at);
  let out = src.text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

interface Region {
  start: number;
  end: number;
  el: MjmlElement;
  /** For raw content copied verbatim: the MJML source offset of `start`. */
  sourceStart?: number;
}

async function compile(
  cache: MjmlCache,
  text: string,
  dir: string,
  includeTexts: string[],
  flavour: 'real' | 'marked',
  preprocess?: (xml: string) => string,
): Promise<CachedCompile> {
  const key = cacheKey([flavour, getMjmlVersion(), dir, text, ...includeTexts]);
  const hit = cache.get(key);
  if (hit) return hit;
  const mjml2html = await getCompiler();
  const result = await mjml2html(text, {
    filePath: dir,
    validationLevel: flavour === 'real' ? 'soft' : 'skip',
    ignoreIncludes: false,
    keepComments: true,
    ...(preprocess ? { preprocessors: [preprocess] } : {}),
  });
  const value: CachedCompile = {
    html: result.html,
    errors: (result.errors ?? []).map((e) => ({ line: e.line, message: e.message, tagName: e.tagName, formattedMessage: e.formattedMessage })),
  };
  cache.put(key, value);
  return value;
}

export async function loadMjml(filePath: string, text: string, loadOptions: LoadOptions): Promise<EmailDocument> {
  const { mjmlCache: cache = defaultMjmlCache, ...options } = loadOptions;
  if (text.trim() === '') throw new InputError('file is empty', { filePath });
  const source = parseMjmlSource(text);
  const root = source.roots.find((r) => r.tag === 'mjml');
  if (!root) {
    const first = source.roots[0];
    throw new InputError(
      first
        ? `no <mjml> root element (found <${first.tag}>): this looks like a partial for mj-include; lint the template that includes it`
        : 'no <mjml> root element: not an MJML template',
      { filePath, line: first?.line ?? 1, column: first?.column },
    );
  }
  const body = root.children.find((c) => c.tag === 'mj-body');
  if (!body && !source.elements.some((e) => e.tag === 'mj-include')) {
    throw new InputError('no <mj-body>: the template has no email content to compile and lint', { filePath, line: root.line, column: root.column });
  }
  const head = root.children.find((c) => c.tag === 'mj-head');
  const dir = baseDir(filePath);
  const includes = resolveIncludes(source, dir, new Set([realOrSelf(resolve(filePath))]));
  const cycle = circularChain(includes);
  if (cycle) {
    const at = cycle[0].element;
    const chain = cycle.map((i) => `"${i.path}"`).join(' → ');
    throw new InputError(`circular mj-include: ${chain} leads back to a file already being included; mjml cannot compile it`, { filePath, line: at.line, column: at.column });
  }
  const allIncludes = flattenIncludes(includes);
  // mjml reads an include synchronously: a named pipe would block the process for ever.
  const special = allIncludes.find((i) => i.special);
  if (special) {
    throw new InputError(`mj-include "${special.path}" is ${special.special} (${special.resolved}), not a file: mjml would block reading it`, {
      filePath,
      line: special.element.line,
      column: special.element.column,
    });
  }
  for (const [where, text] of [[dir, source.text], ...allIncludes.filter((i) => i.source).map((i) => [dirname(i.resolved), i.source!.text])] as const) {
    const found = specialInclude(text, where);
    if (found) throw new InputError(`mj-include "${found.path}" is ${found.what}, not a file: mjml would block reading it`, { filePath });
  }
  const includeTexts = allIncludes.map((i) => `${i.resolved}\n${i.source?.text ?? (i.exists ? readFileSync(i.resolved, 'utf8') : '<missing>')}`);

  // 1. The real compile: the HTML rules read, and mjml's validation errors.
  let real: CachedCompile;
  try {
    real = await compile(cache, text, dir, includeTexts, 'real');
  } catch (err) {
    throw compileError(err, filePath, source);
  }

  // 2. The marked compile, for the HTML → MJML map.
  const marks = new Map<number, MjmlElement>();
  let counter = 0;
  const defaults = cssClassDefaults([source, ...allIncludes.flatMap((i) => (i.source ? [i.source] : []))]);
  const pending = allIncludes.filter((i) => i.source);
  let firstCall = true;
  const preprocess = (xml: string): string => {
    if (firstCall) {
      firstCall = false;
      return markSource(source, defaults, () => counter++, (n, el) => marks.set(n, el));
    }
    // An included file: find which include it is (by the exact text mjml parses).
    const idx = pending.findIndex((i) => asParsed(i) === xml);
    if (idx < 0) return xml;
    const inc = pending.splice(idx, 1)[0];
    const top = topInclude(includes, inc);
    const src = inc.source!.text === xml ? inc.source! : parseMjmlSource(xml);
    return markSource(src, defaults, () => counter++, (n) => top && marks.set(n, top.element));
  };
  let mapping: MjmlExtra['mapping'] = 'aligned';
  let regions: Region[] = [];
  try {
    const marked = await compile(cache, text, dir, includeTexts, 'marked', preprocess);
    if (firstCall) {
      // Served from cache: the preprocessor did not run; replay it to rebuild the marker table.
      preprocess(text);
      for (const inc of [...pending]) preprocess(asParsed(inc));
    }
    regions = markerRegions(marked.html, real.html, marks);
    if (!regions.length && marks.size) mapping = 'approximate';
  } catch {
    mapping = 'approximate';
  }
  regions.push(...contentRegions(real.html, source, regions, head, root));
  regions.sort((a, b) => a.start - b.start || b.end - a.end);

  const sourceLines = source.lines;
  // The doctype and the `<html>` start tag come before the compiled `<head>`: `<mjml>` writes them.
  const headStart = real.html.search(/<head[\s>]/i);
  const elementAt = (offset: number): MjmlElement | undefined => {
    let best: Region | undefined;
    for (const r of regions) {
      if (r.start > offset) break;
      if (offset < r.end && (!best || r.start >= best.start)) best = r;
    }
    if (best) return best.el;
    const bodyStart = real.html.search(/<body[\s>]/i);
    if (bodyStart >= 0 && offset >= bodyStart) return body ?? root;
    if (headStart >= 0 && offset < headStart) return root;
    return head ?? root;
  };
  const spanOf = (r: Range): Span => sourceLines.span(r);
  const mapSpan = (range: Range): Span => {
    // 1. Verbatim content.
    let content: Region | undefined;
    for (const r of regions) {
      if (r.start > range.start) break;
      if (r.sourceStart !== undefined && range.start < r.end && (!content || r.start >= content.start)) content = r;
    }
    const el = elementAt(range.start);
    if (content && content.el === el) {
      const s = content.sourceStart! + (range.start - content.start);
      const e = content.sourceStart! + (Math.min(range.end, content.end) - content.start);
      return spanOf({ start: s, end: Math.max(s, e) });
    }
    if (!el) return spanOf({ start: 0, end: 0 });
    // 2. An attribute value the element itself carries (mj-button href).
    const value = real.html.slice(range.start, range.end);
    if (value && range.end - range.start < 4096 && /=\s*["']?$/.test(real.html.slice(Math.max(0, range.start - 3), range.start))) {
      const attr = el.attributes.find((a) => a.raw === value);
      if (attr) return spanOf(attr.valueRange);
    }
    // 3. The element's start tag.
    return spanOf(el.startTag);
  };

  const issues = collectIssues(source, real.errors, includes, dir);
  const extra: MjmlExtra = {
    source,
    version: getMjmlVersion(),
    includes,
    issues,
    elementAt,
    mapping,
  };

  const title = source.elements.find((e) => e.tag === 'mj-title' && insideHead(e));
  const preview = source.elements.find((e) => e.tag === 'mj-preview' && insideHead(e));
  const foundSubject = title ? textSource(real.html, title, text, 'mj-title', true, titleContent) : undefined;
  const foundPreheader = preview ? textSource(real.html, preview, text, 'mj-preview', false) : undefined;

  return new EmailDocument({
    ...options,
    filePath,
    text: real.html,
    kind: 'mjml',
    mapSpan,
    sourceSpan: spanOf,
    ...(foundSubject?.text ? { foundSubject } : {}),
    ...(foundPreheader?.text ? { foundPreheader } : {}),
    // mj-group columns never stack on mobile: the layout rules look up their HTML offsets.
    facts: { ...options.facts, mjml: extra, mjmlGroupOffsets: groupOffsets(real.html, regions), note: MJML_NOTE },
  });
}

/** Start offsets of the `<div>` each mj-group renders (its columns' container). */
function groupOffsets(html: string, regions: Region[]): number[] {
  return regions.filter((r) => r.el.tag === 'mj-group' && r.sourceStart === undefined && html.startsWith('<div', r.start)).map((r) => r.start);
}

/** The range of the first `<title>` element's text in compiled HTML (indexOf, linear in the HTML). */
function titleContent(html: string): { start: number; end: number } | undefined {
  const lower = html.toLowerCase();
  const open = /<title(?=[\s>])[^<>]*>/.exec(lower);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = lower.indexOf('</title>', start);
  return end < 0 ? undefined : { start, end };
}

function textSource(html: string, el: MjmlElement, text: string, source: 'mj-title' | 'mj-preview', inferred: boolean, find?: (html: string) => { start: number; end: number } | undefined): TextSource {
  const raw = text.slice(el.content.start, el.content.end).trim();
  const decoded = parseFragment(`<p>${raw}</p>`);
  let t = '';
  walk(decoded, (n) => {
    if (n.type === 'text') t += (n as { data: string }).data;
  });
  const out: TextSource = { text: t.replace(/\s+/g, ' ').trim(), source, inferred };
  if (find) {
    // The title's text (what mj-title wrote), so its span lands inside mj-title.
    const range = find(html);
    if (range) out.range = range;
  } else if (raw) {
    const at = html.indexOf(raw, Math.max(0, html.search(/<body[\s>]/i)));
    if (at >= 0) out.range = { start: at, end: at + raw.length };
  }
  return out;
}

/** Marker regions (subtrees of marked HTML elements), carried over to offsets in the real HTML. */
function markerRegions(markedHtml: string, realHtml: string, marks: Map<number, MjmlElement>): Region[] {
  const doc = new EmailDocument({ filePath: 'marked.html', text: markedHtml });
  const raw: Array<{ start: number; end: number; el: MjmlElement }> = [];
  for (const e of doc.elements) {
    const cls = e.attribs?.class;
    if (!cls || !cls.includes(MARK_PREFIX)) continue;
    const m = MARK_RE.exec(cls);
    const el = m ? marks.get(Number(m[1])) : undefined;
    if (!el) continue;
    raw.push({ start: e.startIndex ?? 0, end: (e.endIndex ?? e.startIndex ?? 0) + 1, el });
  }
  // Strip the markers textually first (cheap), then align what is left with the real HTML.
  const stripped: string[] = [];
  const cuts: Array<[number, number]> = []; // [offset in marked, removed length]
  let last = 0;
  // A marker class attribute goes with the whitespace before it; a marker class among others alone.
  const re = /class="(ilq\d+q[\w-]*)"|ilq\d+q[\w-]* ?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(markedHtml))) {
    let start = m.index;
    let end = m.index + m[0].length;
    if (m[1] !== undefined) {
      let ws = start;
      while (ws > last && /\s/.test(markedHtml[ws - 1])) ws--;
      if (ws < start) start = ws;
      else {
        start = m.index + 'class="'.length;
        end = start + m[1].length;
      }
    }
    stripped.push(markedHtml.slice(last, start));
    cuts.push([start, end - start]);
    last = end;
  }
  stripped.push(markedHtml.slice(last));
  const strippedText = stripped.join('');
  const toStripped = (o: number): number => {
    let delta = 0;
    for (const [at, len] of cuts) {
      if (at >= o) break;
      delta += Math.min(len, o - at);
    }
    return o - delta;
  };
  const runs = alignTexts(strippedText, realHtml);
  if (!runs) return [];
  return raw.map((r) => ({ start: mapOffset(runs, toStripped(r.start)), end: mapOffset(runs, toStripped(r.end)), el: r.el }));
}

/**
 * Regions for raw content mjml copies verbatim (mj-text, mj-raw, mj-button labels, …, mj-title,
 * mj-preview): found by searching the content in order inside the producing element's region.
 */
function contentRegions(html: string, source: MjmlSource, regions: Region[], head: MjmlElement | undefined, root: MjmlElement): Region[] {
  const out: Region[] = [];
  const regionOf = (el: MjmlElement): Region | undefined => {
    for (let p: MjmlElement | null = el; p; p = p.parent) {
      const r = regions.find((x) => x.el === p);
      if (r) return r;
    }
    return undefined;
  };
  const bodyStart = Math.max(0, html.search(/<body[\s>]/i));
  let cursor = bodyStart;
  for (const el of source.elements) {
    if (!ENDING_TAGS.has(el.tag) || el.selfClosing || el.tag === 'mj-style' || el.tag === 'mj-breakpoint') continue;
    const rawFull = source.text.slice(el.content.start, el.content.end);
    const lead = rawFull.length - rawFull.trimStart().length;
    const raw = rawFull.trim();
    if (!raw) continue;
    let from: number;
    let to: number;
    if (el.tag === 'mj-title') {
      from = 0;
      to = bodyStart;
    } else if (insideHead(el)) {
      from = bodyStart;
      to = html.length;
    } else {
      const r = regionOf(el);
      from = Math.max(r ? r.start : cursor, el.tag === 'mj-raw' ? cursor : 0);
      to = r ? Math.max(r.end, from) : html.length;
      if (el.tag === 'mj-raw' && r && r.el !== el) to = html.length;
    }
    const at = html.indexOf(raw, from);
    if (at < 0 || at + raw.length > to) continue;
    out.push({ start: at, end: at + raw.length, el, sourceStart: el.content.start + lead });
    if (!insideHead(el)) cursor = at + raw.length;
  }
  void head;
  void root;
  return out;
}

function compileError(err: unknown, filePath: string, source: MjmlSource): InputError {
  const msg = (err as Error)?.message ?? String(err);
  const firstProblem = source.problems[0];
  const lm = /line (\d+)/i.exec(msg);
  const line = lm ? Number(lm[1]) : firstProblem?.line ?? 1;
  const detail = firstProblem && !lm ? ` (first XML problem: ${firstProblem.message})` : '';
  return new InputError(`mjml cannot compile this file: ${msg.replace(/\s+/g, ' ').trim()}${detail}`, { filePath, line });
}

/** Validation errors, malformed XML and failed includes, each located in the linted file. */
function collectIssues(source: MjmlSource, errors: CachedCompile['errors'], includes: MjmlInclude[], dir: string): MjmlIssue[] {
  const issues: MjmlIssue[] = [];
  const push = (kind: MjmlIssue['kind'], message: string, r: Range) => {
    issues.push({ kind, message, sourceRange: r, line: source.lines.position(r.start).line });
  };
  const lineRange = (line: number): Range => {
    const s = source.lines.offset(line, 1);
    const nl = source.text.indexOf('\n', s);
    return { start: s, end: nl < 0 ? source.text.length : nl };
  };
  for (const p of source.problems) push('xml', p.message, p.range);
  for (const inc of includes) {
    const walkInc = (i: MjmlInclude, chain: string) => {
      const where = chain ? ` (in ${chain})` : '';
      if (i.problem) push('include', `${i.problem}${where}`, inc.element.startTag);
      // A partial needs no <mjml> root: mjml wraps it in <mjml><mj-body>.
      for (const p of (i.source?.problems ?? []).filter((x) => x.kind !== 'no-root')) {
        push('xml', `${p.message} (in ${rel(dir, i.resolved)} line ${p.line}, included here)`, inc.element.startTag);
      }
      for (const c of i.children) walkInc(c, rel(dir, i.resolved));
    };
    walkInc(inc, '');
  }
  for (const e of errors) {
    const lastLine = (e.formattedMessage ?? '').slice((e.formattedMessage ?? '').lastIndexOf('\n') + 1);
    const at = lastLine.indexOf('included at ');
    const included = at < 0 ? undefined : [lastLine.slice(at), lastLine.slice(at + 'included at '.length)];
    if (included) {
      const lines = [...included[1].matchAll(/line (\d+) of file/g)].map((m) => Number(m[1]));
      const topLine = lines[lines.length - 1];
      const fileMatch = /^Line \d+ of (.*?), included at/.exec(e.formattedMessage);
      const inc = includes.find((i) => i.element.line === topLine);
      const file = fileMatch ? rel(dir, fileMatch[1]) : 'an included file';
      push('validation', `${e.message} (in ${file} line ${e.line}, included here)`, inc ? inc.element.startTag : lineRange(topLine ?? 1));
      continue;
    }
    const el = source.elements.find((x) => x.line === e.line && x.tag === e.tagName) ?? source.elements.find((x) => x.line === e.line);
    push('validation', e.message, el ? el.startTag : lineRange(e.line));
  }
  issues.sort((a, b) => a.sourceRange.start - b.sourceRange.start);
  return issues;
}

function rel(dir: string, p: string): string {
  const r = relative(dir, p);
  return r && !r.startsWith('..') ? r : p;
}

export { LineIndex };
export type { XmlProblem };
