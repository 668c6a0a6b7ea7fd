/**
 * `inboxlint variants FILE --cta N --text "…" --text "…" [--color …] [--subject …]`: writes
 * one file per A/B variant (`a`, the control, then `b`, `c`…), each tracked with its own
 * utm_content and linted, and a manifest (variants.csv, variants.json) for the ESP import.
 * Everything is built before anything is written. Exit 1 when a variant has lint errors.
 */
import { join, relative } from 'node:path';
import type { CommandFactory } from './index.js';
import { createSession } from '../../session.js';
import { buildVariants, writeVariants } from '../../variants/variants.js';

interface VariantsArgs {
  file: string;
  cta: number;
  text?: string[];
  color?: string[];
  subject?: string[];
  control?: boolean;
  outDir: string;
  campaign?: string;
  source?: string;
  medium?: string;
  content?: string;
  config?: string;
  json?: boolean;
}

const toList = (v: unknown): string[] | undefined => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String));

export const variantsCommand: CommandFactory = (setExit) => ({
  command: 'variants <file>',
  describe: 'Write A/B variants of one CTA (label, colour, subject), each tracked and linted, with a manifest for the ESP',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'HTML, MJML or .eml template' })
      .option('cta', { type: 'number', demandOption: true, describe: 'The CTA to vary (1-based, as inspect lists them)' })
      .option('text', { type: 'string', array: true, describe: 'New label, once per variant (b, c, …)' })
      .option('color', { type: 'string', array: true, describe: 'New button fill, once per variant (or once for all)' })
      .option('subject', { type: 'string', array: true, describe: 'Subject per variant (recorded in the manifest; written into .eml)' })
      .option('control', { type: 'boolean', default: true, describe: 'Write variant a, the template as it is (--no-control omits it)' })
      .option('out-dir', { type: 'string', default: 'variants', describe: 'Folder for the variant files and variants.csv / variants.json' })
      .option('campaign', { type: 'string', describe: 'utm_campaign (required here or in the config\'s track section)' })
      .option('source', { type: 'string', describe: 'utm_source' })
      .option('medium', { type: 'string', describe: 'utm_medium [default: email]' })
      .option('content', { type: 'string', describe: 'utm_content template ({variant} allowed) [default: auto: cta-1-b-<label>]' })
      .option('json', { type: 'boolean', describe: 'Print the manifest as JSON on stdout' })
      .option('config', { type: 'string', describe: 'Config file to use instead of the nearest inboxlint.config.*' }),
  handler: async (raw) => {
    const a = raw as unknown as VariantsArgs;
    const track: Record<string, unknown> = {};
    for (const k of ['campaign', 'source', 'medium', 'content'] as const) if (a[k] !== undefined) track[k] = a[k];
    const session = await createSession({ configFile: a.config });
    let result;
    try {
      result = await buildVariants(session, a.file, {
        cta: a.cta,
        texts: toList(a.text),
        colors: toList(a.color),
        subjects: toList(a.subject),
        noControl: a.control === false,
        outDir: a.outDir,
        track,
      });
    } finally {
      await session.close();
    }
    const rows = await writeVariants(result, a.outDir);

    const err = process.stderr;
    let errors = 0;
    // A variant lists the errors the control does not have (its own), and counts the rest.
    const control = result.variants.find((v) => v.name === 'a');
    const key = (m: { ruleId: string | null; message: string }) => `${m.ruleId}\u0000${m.message}`;
    const inControl = new Set(control ? control.lint.messages.map(key) : []);
    for (const v of result.variants) {
      const r = v.lint;
      errors += r.errorCount;
      const counts = `${r.errorCount} error(s), ${r.warningCount} warning(s)`;
      err.write(`${v.name}  ${relative(process.cwd(), v.file)}  ${JSON.stringify(v.label)}${v.color ? ` ${v.color}` : ''}${v.subject ? `  subject ${JSON.stringify(v.subject)}` : ''}  ${counts}\n`);
      for (const w of v.warnings) err.write(`   warning: ${w}\n`);
      const shared = v === control ? [] : r.messages.filter((m) => m.severity === 2 && inControl.has(key(m)));
      for (const m of r.messages) if (m.severity === 2 && !shared.includes(m)) err.write(`   ${m.line}:${m.column}  error  ${m.message}  ${m.ruleId ?? ''}\n`);
      if (shared.length) err.write(`   (${shared.length} more error(s) as in a)\n`);
    }
    err.write(`manifest: ${relative(process.cwd(), join(a.outDir, 'variants.csv'))}, variants.json (${result.manifest.length} row(s))\n`);
    if (a.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    if (errors > 0) setExit(1);
  },
});
