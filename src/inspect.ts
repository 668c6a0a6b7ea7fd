/**
 * `inspect`: what inboxlint understood about an email — subject and preheader (and where they
 * came from), each CTA (label, destination, kind, primary, micro-conversion type, position
 * measured or estimated) and each link (is it a CTA, and if not why; would it be tracked).
 * The JSON shape is a public contract:
 *   [{filePath, subject: {text, source}, preheader: {text, source},
 *     ctas: [{label, href, kind, primary, type, line, column, position: {mobile: {top, measured}, desktop: {top, measured}}}],
 *     links: [{href, text, line, column, isCta, type, trackable, skipReason}]}]
 * Extra fields may be added, never removed or renamed.
 */
import type { EmailDocument, TextSource } from './model/document.js';
import type { Cta, CtaKind, MicroConversion, NotCtaReason } from './model/cta/index.js';
import { classifyTrackability } from './rewrite/track.js';
import type { LoadOptions } from './input/types.js';
import { documentLanguage, labelLanguage, noWordsReason, type Language } from './model/language.js';
import type { InputKind } from './rule.js';
import { cutTo, fitTable, terminalWidth } from './formatters/wrap.js';

export interface InspectPosition {
  top: number;
  measured: boolean;
  /** Extra: the box size at that viewport. */
  width: number;
  height: number;
}

export interface InspectCta {
  label: string;
  href: string;
  kind: CtaKind;
  primary: boolean;
  type: MicroConversion;
  line: number;
  column: number;
  position: { mobile: InspectPosition; desktop: InspectPosition };
  /** Extra: why it counts as a CTA, its order, whether its href is a merge tag, its Outlook VML twin. */
  index: number;
  reason: string;
  hrefIsMergeTag: boolean;
  vml?: { href: string; label?: string; line: number; column: number };
  /** Extra: the label's language, where it was told from, and whether the word rules can judge it (`note` says why not). */
  language: InspectLanguage;
}

export interface InspectLanguage extends Language {
  note?: string;
}

export interface InspectLink {
  href: string;
  text: string;
  line: number;
  column: number;
  isCta: boolean;
  type: MicroConversion;
  trackable: boolean;
  skipReason: string | null;
  /** Extra: why the link is not a CTA (null for CTAs), its tag, and the CTA it belongs to. */
  whyNotCta: string | null;
  tag: string;
  ctaIndex: number | null;
  /** Extra: the reason `whyNotCta` words, as a code (the model's verdict, src/model/cta/verdict.ts); null for CTAs. */
  notCta: NotCtaReason | null;
}

export interface InspectText {
  text: string | null;
  source: TextSource['source'] | null;
  inferred: boolean;
}

export interface InspectResult {
  filePath: string;
  subject: InspectText;
  preheader: InspectText;
  ctas: InspectCta[];
  links: InspectLink[];
  /** Extra: the email's language (its lang attribute, else told from its text). */
  language: InspectLanguage;
}

function languageInfo(l: Language): InspectLanguage {
  const note = noWordsReason(l);
  return note ? { ...l, note: `word rules (cta-vague-text, cta-action-text) do not judge it: ${note}` } : { ...l };
}

function textInfo(t: TextSource | null): InspectText {
  return t ? { text: t.text, source: t.source, inferred: t.inferred } : { text: null, source: null, inferred: false };
}

const round = (n: number) => Math.round(n);

/** The inspect result of one parsed document. */
export function inspectDocument(doc: EmailDocument): InspectResult {
  const pos = (c: Cta, vp: 'mobile' | 'desktop'): InspectPosition => {
    const b = c.boxes[vp];
    return { top: round(b.top), measured: b.measured, width: round(b.width), height: round(b.height) };
  };
  const ctas = doc.ctas.map((c): InspectCta => {
    const at = doc.span(c.range);
    const out: InspectCta = {
      label: c.label,
      href: c.href,
      kind: c.kind,
      primary: c.primary,
      type: c.type,
      line: at.line,
      column: at.column,
      position: { mobile: pos(c, 'mobile'), desktop: pos(c, 'desktop') },
      index: c.index,
      reason: c.reason,
      hrefIsMergeTag: c.hrefIsMergeTag,
      language: languageInfo(labelLanguage(doc, c.label, c.labelElement)),
    };
    if (c.vml && c.link) {
      const v = doc.span(doc.range(c.vml.element));
      out.vml = { href: c.vml.href, ...(c.vmlLabel ? { label: c.vmlLabel } : {}), line: v.line, column: v.column };
    }
    return out;
  });
  const links = doc.links.map((l): InspectLink => {
    const at = doc.span(doc.range(l.element));
    const verdict = doc.ctaVerdict(l);
    const cta = verdict.cta;
    const { trackable, skipReason } = classifyTrackability(l, undefined, doc);
    return {
      href: l.href,
      text: l.text,
      line: at.line,
      column: at.column,
      isCta: !!cta,
      type: cta ? cta.type : l.type,
      trackable,
      skipReason,
      whyNotCta: verdict.why ?? null,
      tag: l.tag,
      ctaIndex: cta ? cta.index : null,
      notCta: verdict.reason ?? null,
    };
  });
  return { filePath: doc.filePath, subject: textInfo(doc.subject), preheader: textInfo(doc.preheader), ctas, links, language: languageInfo(documentLanguage(doc)) };
}

export type InspectInput = string | readonly string[] | { text: string; filePath?: string; kind?: InputKind };

/** What `inspect()` takes: the loader's options, and `render` to measure positions in Chromium. */
export interface InspectOptions extends LoadOptions {
  render?: boolean;
  /** Chromium executable for `render` (else INBOXLINT_CHROMIUM, Playwright's, the system's, the npm package's). */
  chromium?: string;
}

// ---------------------------------------------------------------------------------------------
// Human output: readable tables.


function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function sourceWords(t: InspectText): string {
  if (!t.source) return '';
  const words: Record<string, string> = {
    option: 'given as an option',
    config: 'from the config',
    header: 'from the Subject header',
    title: 'inferred from <title>',
    'mj-title': 'from <mj-title>',
    'hidden-element': 'hidden preheader element',
    'mj-preview': 'from <mj-preview>',
  };
  return words[t.source] ?? t.source;
}

function languageWords(l: InspectLanguage): string {
  if (!l.lang) return `unknown${l.note ? ` (${l.note})` : ''}`;
  const from = l.source === 'lang-attribute' ? 'from the lang attribute' : l.source === 'text' ? 'told from the text' : `from the ${l.source}`;
  return `${l.lang} (${from}${l.words ? '' : '; no word lists: CTA wording is not judged'})`;
}

/** The human report; tables fit in `width` columns (the terminal's, else $COLUMNS, else 80): long labels and URLs are cut with "…". */
export function formatInspect(results: readonly InspectResult[], width = terminalWidth()): string {
  const out: string[] = [];
  const tableWidth = Math.max(40, width - 4);
  for (const r of results) {
    out.push(r.filePath, '');
    out.push(`  Subject:   ${r.subject.text === null ? '(none found)' : `"${r.subject.text}"  (${sourceWords(r.subject)})`}`);
    const from = `  (${sourceWords(r.preheader)})`;
    out.push(`  Preheader: ${r.preheader.text === null ? '(none found)' : `"${cutTo(r.preheader.text, Math.max(20, width - 15 - from.length))}"${from}`}`);
    out.push(`  Language:  ${languageWords(r.language)}`, '');
    if (r.ctas.length) {
      const measured = r.ctas.some((c) => c.position.mobile.measured);
      out.push(`  Calls to action (${r.ctas.length}; positions ${measured ? 'measured' : 'estimated'}, top edge in px):`);
      const rows = r.ctas.map((c) => [
        c.primary ? '★' : String(c.index + 1),
        `"${cut(c.label || '(no label)', 32)}"`,
        c.kind,
        c.type,
        cut(c.href || '(empty)', 40),
        String(c.position.mobile.top),
        String(c.position.desktop.top),
        `${c.line}:${c.column}`,
      ]);
      out.push(indent(fitTable(['#', 'Label', 'Kind', 'Type', 'Destination', 'Mobile', 'Desktop', 'Line'], rows, tableWidth, [1, 4, 3, 2], 5)));
      out.push('  ★ = primary CTA');
      for (const c of r.ctas) if (c.language.note && c.label) out.push(`  CTA ${c.index + 1} "${cut(c.label, 32)}": ${c.language.note}`);
      out.push('');
    } else out.push('  Calls to action: none found', '');
    if (r.links.length) {
      out.push(`  Links (${r.links.length}):`);
      const rows = r.links.map((l) => [
        `${l.line}:${l.column}`,
        `"${cut(l.text || '(no text)', 28)}"`,
        cut(l.href || '(empty)', 40),
        l.isCta ? `CTA ${l.ctaIndex! + 1}` : `no: ${l.whyNotCta}`,
        l.type,
        l.trackable ? 'yes' : `no (${l.skipReason})`,
      ]);
      out.push(indent(fitTable(['Line', 'Text', 'Destination', 'CTA?', 'Type', 'Tracked'], rows, tableWidth, [1, 2, 3, 5, 4], 5)), '');
    } else out.push('  Links: none', '');
  }
  return `${out.join('\n').replace(/(?<!\n)\n+$/, '')}\n`;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
