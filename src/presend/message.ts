/**
 * A message built around an HTML template, as an ESP would send it, for the local spam score:
 * multipart/alternative with a text/plain part made from the HTML's visible text and the HTML
 * itself (both UTF-8, base64), headers from the config's `presend` section and the flags, the
 * subject RFC 2047-encoded when it is not ASCII.
 */
import type { AnyNode, Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';

export interface MessageHeaders {
  from?: string;
  to?: string;
  subject?: string;
}

const DEFAULT_FROM = 'Sender <sender@example.com>';
const DEFAULT_TO = 'Recipient <recipient@example.com>';

function base64Lines(text: string, eol: string): string {
  const b = Buffer.from(text, 'utf8').toString('base64');
  return (b.match(/.{1,76}/g) ?? ['']).join(eol);
}

/** RFC 2047 encoded-word for a header value that is not ASCII. */
export function encodeHeader(value: string): string {
  if (!/[^\x20-\x7e]/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'td', 'th', 'section']);

/** The visible text of the HTML as a plain-text part would carry it: blocks on their own lines, links as "label (URL)". */
export function plainText(doc: EmailDocument): string {
  const out: string[] = [];
  const root = doc.body ?? doc.htmlElement;
  if (!root) return '';
  // Iterative walk: no recursion over the tree's depth.
  const stack: Array<AnyNode | 'end-link' | 'newline'> = [root];
  const links: string[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === 'newline') {
      out.push('\n');
      continue;
    }
    if (n === 'end-link') {
      const href = links.pop();
      if (href && /^https?:/i.test(href)) out.push(` (${href})`);
      continue;
    }
    if (n.type === 'text') {
      out.push((n as unknown as { data: string }).data);
      continue;
    }
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'style' || el.name === 'script' || el.name === 'head' || doc.styles.hidden(el, 'web')) continue;
    if (el.name === 'img' && el.attribs.alt) out.push(el.attribs.alt);
    if (BLOCK.has(el.name)) stack.push('newline');
    if (el.name === 'a') {
      links.push(el.attribs.href ?? '');
      stack.push('end-link');
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return out
    .join('')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** The RFC 5322 message an ESP would send for this document. */
export function messageFor(doc: EmailDocument, headers: MessageHeaders = {}): string {
  const eol = '\r\n';
  const boundary = `=_inboxlint_${Buffer.from(doc.filePath).toString('hex').slice(-16)}`;
  const subject = headers.subject ?? doc.subject?.text ?? '';
  return [
    `From: ${encodeHeader(headers.from ?? DEFAULT_FROM)}`,
    `To: ${encodeHeader(headers.to ?? DEFAULT_TO)}`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <inboxlint.${boundary.slice(12)}@example.com>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(plainText(doc), eol),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(doc.text, eol),
    `--${boundary}--`,
    '',
  ].join(eol);
}
