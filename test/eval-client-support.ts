/**
 * The client-support evaluation: hand labels in eval/client-support/labels/<corpus path>.json
 * (policy: eval/POLICY.md, "client-support") against what the rule reports on ../shared/corpus
 * for the `major` clients. A finding matches a label by feature (the caniemail id in its
 * message, or `button`) and line.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/api.js';

export const csLabelsDir = fileURLToPath(new URL('../eval/client-support/labels/', import.meta.url));
export const corpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

export interface CsEntry { feature: string; line: number; note?: string }
export interface CsLabel { file: string; clients: string[]; kind: string; expected: CsEntry[]; traps: CsEntry[] }
export interface CsResult { files: number; tp: number; fp: number; fn: number; findings: number; misses: string[]; errors: string[] }

export async function readCsLabels(): Promise<CsLabel[]> {
  const out: CsLabel[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.json')) {
        const label = JSON.parse(await readFile(p, 'utf8')) as CsLabel;
        if (`${label.file}.json` !== relative(csLabelsDir, p)) throw new Error(`${p}: "file" does not match the label's path`);
        out.push(label);
      }
    }
  };
  await walk(csLabelsDir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The feature a client-support message is about: the caniemail id in its link, or `button`. */
export const featureOf = (message: string, messageId?: string): string =>
  messageId === 'buttonDegrades' ? 'button' : (/caniemail\.com\/features\/([\w-]+)\//.exec(message)?.[1] ?? '?');

export async function evaluateClientSupport(labels: CsLabel[]): Promise<CsResult> {
  const r: CsResult = { files: labels.length, tp: 0, fp: 0, fn: 0, findings: 0, misses: [], errors: [] };
  for (const label of labels) {
    const [result] = await lint(join(corpusDir, label.file), {
      config: { rules: { 'client-support': ['warn', { clients: label.clients }] } },
      reportUnusedDirectives: false,
    });
    const fatal = result.messages.find((m) => m.fatal);
    if (fatal) {
      r.errors.push(`${label.file}: ${fatal.message}`);
      continue;
    }
    const found = result.messages.filter((m) => m.ruleId === 'client-support').map((m) => ({ feature: featureOf(m.message, m.messageId), line: m.line, message: m.message }));
    r.findings += found.length;
    const open = [...label.expected];
    for (const f of found) {
      const i = open.findIndex((e) => e.feature === f.feature && e.line === f.line);
      if (i >= 0) {
        open.splice(i, 1);
        r.tp++;
      } else {
        r.fp++;
        r.misses.push(`FP ${label.file}:${f.line} ${f.feature}: ${f.message.slice(0, 160)}`);
      }
    }
    r.fn += open.length;
    for (const e of open) r.misses.push(`FN ${label.file}:${e.line} ${e.feature}${e.note ? ` — ${e.note}` : ''}`);
  }
  return r;
}
