/**
 * The rules that read the cascade (contrast, font size) check each view where it matters: the
 * 600 px pane, then the 375 px phone where a media query styles it differently. A finding that
 * holds in the pane is reported once, for the pane; one that appears only on the phone is
 * reported once, saying so (`{{where}}` in the message).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import type { TextRun } from '../style/service.js';
import { VIEWPORTS } from '../style/views.js';

/** Appended to a message (`{{where}}`) for a finding that holds only at the phone width. */
export const PHONE_NOTE = ` This applies at the ${VIEWPORTS.mobile.width} px phone width, where a media query changes it.`;

/** The phone's text runs when a media query makes the phone's cascade differ from the pane's, else none. */
export function phoneOnlyRuns(doc: EmailDocument): TextRun[] {
  return doc.styles.differsOnPhone() ? doc.phoneTextRuns : [];
}

/**
 * Runs a check over the pane's runs, then over the phone's runs whose element did not fail in
 * the pane. `check` returns true when it reported.
 */
export function checkRunsPerView(doc: EmailDocument, runs: readonly TextRun[], check: (run: TextRun, where: string) => boolean): void {
  const failed = new Set<Element>();
  for (const run of runs) if (check(run, '')) failed.add(run.element);
  for (const run of phoneOnlyRuns(doc)) if (!failed.has(run.element)) check(run, PHONE_NOTE);
}
