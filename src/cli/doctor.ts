/**
 * `inboxlint doctor`: what a bug report needs, one fact a line: versions, the browser `--render`
 * would use (or where it looked), the config in effect for the working directory, cache
 * locations. Each fact is one entry of `doctorFacts`, so a feature adds its own line there.
 * Nothing heavy is imported (mjml's version is read from its package.json); the browser lookup
 * asks playwright-core for its own browser's path, as `--render` does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageVersion } from '../config/package.js';
import { ConfigResolver } from '../config/resolve.js';
import { displayPath } from '../config/load.js';
import { InboxlintError } from '../errors.js';
import { mjmlCacheDir } from '../input/mjml-cache.js';

export interface DoctorOptions {
  cwd: string;
  /** The browser path `--render --chromium` would be given. */
  chromium?: string;
}

export interface DoctorFact {
  label: string;
  value: string;
  /** Something that stops a feature from working (marked ✖; `doctor` still exits 0: it reports, it does not judge). */
  problem?: boolean;
}

type FactSource = (o: DoctorOptions) => Promise<DoctorFact | DoctorFact[]>;

function installedVersion(pkg: string): string {
  try {
    const path = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
    return JSON.parse(readFileSync(path, 'utf8')).version as string;
  } catch {
    return 'not installed';
  }
}

/** The MJML compile cache's folder (one function, so the cache can move without touching doctor's callers). */
export function mjmlCacheLocation(): string {
  return mjmlCacheDir() ?? 'memory only (INBOXLINT_CACHE=0, or no cache folder could be found)';
}

export const doctorFacts: FactSource[] = [
  async () => [
    { label: 'inboxlint', value: packageVersion() },
    { label: 'node', value: `${process.version} (${process.platform} ${process.arch})` },
    { label: 'mjml', value: installedVersion('mjml') },
    { label: 'playwright-core', value: installedVersion('playwright-core') },
  ],
  async (o) => {
    const { findBrowser, BROWSER_ORDER, BUNDLED_PACKAGE } = await import('../render/browser.js');
    const order = { label: 'browser order', value: `${BROWSER_ORDER}: the first one found is used` };
    try {
      const b = await findBrowser({ executablePath: o.chromium });
      const from = b.bundled
        ? `the npm package ${BUNDLED_PACKAGE} ${b.bundled.version}, the last choice: no other was found; ` +
          `${b.bundled.unpacked ? 'unpacked' : 'unpacked on first use, ~2 s'}; fonts: this machine's and Open Sans, ` +
          "and render's layout notes name any script it has no font for"
        : { option: '--chromium', env: 'INBOXLINT_CHROMIUM', playwright: "Playwright's browser", system: 'a system install', package: '' }[b.source];
      return [{ label: 'browser', value: `${b.executablePath} (from ${from})` }, order];
    } catch (err) {
      if (!(err instanceof InboxlintError)) throw err;
      return [{ label: 'browser', value: `none: ${err.message} (--render needs one; linting does not)`, problem: true }, order];
    }
  },
  async (o) => {
    try {
      const resolver = await new ConfigResolver({ cwd: o.cwd }).init();
      const probe = join(o.cwd, 'email.html');
      const cfg = await resolver.resolve(probe);
      const on = Object.values(cfg.rules).filter((r) => r.severity !== 'off').length;
      const where = cfg.configPath ? displayPath(cfg.configPath, o.cwd) : 'none found (the inboxlint:recommended defaults)';
      return [
        { label: 'config', value: where },
        { label: 'rules on', value: `${on} of ${resolver.ctx.ruleSet.length}${cfg.mailType ? `; mailType ${cfg.mailType}` : ''} (\`inboxlint --print-config FILE\` shows them)` },
      ];
    } catch (err) {
      if (!(err instanceof InboxlintError)) throw err;
      return { label: 'config', value: `error: ${err.describe()}`, problem: true };
    }
  },
  async () => ({ label: 'mjml cache', value: mjmlCacheLocation() }),
  async () => {
    const { spamAssassinVersion, HOW_TO_INSTALL } = await import('../presend/spam.js');
    const { linkCacheDir } = await import('../presend/links.js');
    const v = await spamAssassinVersion();
    return [
      v ? { label: 'spamassassin', value: `${v} (--spam and \`inboxlint spam\` run it locally, offline)` } : { label: 'spamassassin', value: `none: ${HOW_TO_INSTALL} (only --spam needs it)`, problem: true },
      { label: 'link cache', value: `${linkCacheDir() ?? 'none (INBOXLINT_CACHE=0)'} (--check-links; verdicts kept a day)` },
    ];
  },
  async () => {
    const { caniemailInfo } = await import('../model/clients.js');
    const c = caniemailInfo();
    return { label: 'caniemail data', value: `${c.updated} (${c.features} features, from ${c.source}; client-support rule)` };
  },
];

export async function doctorReport(o: DoctorOptions): Promise<DoctorFact[]> {
  const out: DoctorFact[] = [];
  for (const source of doctorFacts) out.push(...([] as DoctorFact[]).concat(await source(o)));
  return out;
}

export function formatDoctor(facts: readonly DoctorFact[]): string {
  const w = Math.max(...facts.map((f) => f.label.length));
  return `${facts.map((f) => `${`${f.label}:`.padEnd(w + 1)}  ${f.problem ? '✖ ' : ''}${f.value}`).join('\n')}\n`;
}
