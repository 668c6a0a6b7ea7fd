/**
 * The desktop view is a 600 px reading pane inside a wider window (src/style/views.ts
 * MEDIA_SCREEN): a template's `max-width: 600px` or `650px` breakpoint is written for phones and
 * does not apply there, although the pane itself is only 600 px wide. Chromium evaluates media
 * queries against its viewport, so the render copy of a pane view states the window's answer:
 * every width feature of an `@media` prelude in a `<style>` block becomes a constant that is
 * true or false as it is for the window (`(min-width: 0px)` / `(max-width: 0px)`). The other
 * features (colour scheme, orientation, resolution…) are left to Chromium.
 */
import type { Text } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import type { TextEdit } from '../engine/edits.js';
import { matchMedia } from '../css/media.js';
import { MEDIA_SCREEN, type Viewport } from '../style/views.js';

export interface MediaWindow {
  width: number;
  height: number;
}

// Preludes stop at the next `@`, and numbers have one way to match: both linear (test/regex-safety.test.ts).
const AT_MEDIA = /@media\b([^{};@]*)\{/gi;
const WIDTH_FEATURE = /\(\s*((?:min|max)-(?:device-)?width)\s*:\s*(-?(?:\d+(?:\.\d+)?|\.\d+)(?:px|em|rem)?)\s*\)/gi;

/** Edits on `doc.text` that make the width features of every `@media` prelude answer as in `window`. */
export function paneMediaEdits(doc: EmailDocument, window: MediaWindow): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const el of doc.renderedElements) {
    if (el.name !== 'style') continue;
    const type = el.attribs.type?.trim().toLowerCase();
    if (type && type !== 'text/css') continue;
    const text = el.children.find((c): c is Text => c.type === 'text');
    if (!text || text.startIndex == null || text.endIndex == null) continue;
    const css = doc.text.slice(text.startIndex, text.endIndex + 1);
    for (const at of css.matchAll(AT_MEDIA)) {
      const preludeStart = text.startIndex + at.index + '@media'.length;
      for (const f of at[1].matchAll(WIDTH_FEATURE)) {
        const holds = matchMedia(`(${f[1]}: ${f[2]})`, { width: window.width, height: window.height, scheme: 'light' });
        const start = preludeStart + f.index;
        edits.push({ range: { start, end: start + f[0].length }, text: holds ? '(min-width: 0px)' : '(max-width: 0px)' });
      }
    }
  }
  return edits;
}

/** The window a view's media queries see when it differs from the page: the desktop pane's. */
export function mediaWindowOf(viewport: Viewport | undefined): MediaWindow | undefined {
  return viewport === 'desktop' ? MEDIA_SCREEN.desktop : undefined;
}
