/**
 * A local spam score (`--spam`, `inboxlint spam`): Debian's SpamAssassin, run on this machine
 * with network tests off (`-L`: no DNS blocklists, no Razor/Pyzor/DCC), so the message is never
 * sent anywhere. spamd is used when it answers (`spamc -K`), else `spamassassin -t` runs once per
 * message. The report's table is read into one hit per rule (score, name, description).
 */
import { execFile, spawn } from 'node:child_process';
import { InboxlintError } from '../errors.js';
import type { SpamHit, SpamResult } from '../model/presend-facts.js';

/** How long one message may take (spamassassin loads its rules each time: seconds). */
export const SPAM_TIMEOUT_MS = 60_000;

export class SpamUnavailable extends InboxlintError {}

export const HOW_TO_INSTALL = 'SpamAssassin is not installed: on Debian or Ubuntu, `apt-get install spamassassin` (spamd optional); on macOS, `brew install spamassassin`';

function run(cmd: string, args: string[], input: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return reject(new InboxlintError(`${cmd} took longer than ${timeoutMs / 1000} s`));
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined); // it may exit before reading everything
    child.stdin.end(input);
  });
}

/** SpamAssassin's version, or undefined when it is not installed (for `doctor`). */
export function spamAssassinVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('spamassassin', ['-V'], { timeout: 20_000 }, (err, stdout) => resolve(err ? undefined : /version (\S+)/.exec(stdout)?.[1]));
  });
}

async function spamdAnswers(): Promise<boolean> {
  try {
    const r = await run('spamc', ['-K'], '', 5_000);
    return r.code === 0 && /PONG/.test(r.stdout + r.stderr);
  } catch {
    return false;
  }
}

/**
 * Reads SpamAssassin's report: the "Content analysis details: (S points, R required)" line and
 * the table under " pts rule name  description" (a description may continue on indented lines).
 */
export function parseReport(report: string): { score: number; required: number; hits: SpamHit[] } | undefined {
  // The report is appended after the message: read the last one (a body could quote the phrase).
  const at = report.lastIndexOf('Content analysis details:');
  const head = at < 0 ? null : /^Content analysis details:\s+\((-?[\d.]+) points?, (-?[\d.]+) required\)/.exec(report.slice(at));
  if (!head) return undefined;
  const hits: SpamHit[] = [];
  const lines = report.slice(at).split(/\r?\n/);
  const start = lines.findIndex((l) => /^-{3,}\s+-{3,}/.test(l));
  for (const line of lines.slice(start + 1)) {
    // " 3.1 RULE_NAME   description": split on white space (no regex over the whole line).
    const [points, rule, ...words] = line.trim().split(/\s+/);
    if (points && rule && /^-?\d+(?:\.\d+)?$/.test(points) && /^[A-Z0-9_]+$/.test(rule) && !/^\s{20}/.test(line)) {
      hits.push({ score: Number(points), rule, description: words.join(' ') });
      continue;
    }
    const more = /^\s{20,}(\S.*)$/.exec(line);
    if (more && hits.length) {
      hits[hits.length - 1].description += ` ${more[1].trim()}`;
      continue;
    }
    if (!line.trim() || /^\s*\[/.test(line)) break;
  }
  return { score: Number(head[1]), required: Number(head[2]), hits };
}

/** Scores one RFC 5322 message locally. Throws SpamUnavailable when SpamAssassin is not installed. */
export async function spamScore(message: string): Promise<SpamResult> {
  const version = await spamAssassinVersion();
  if (!version) throw new SpamUnavailable(HOW_TO_INSTALL);
  let engine: SpamResult['engine'] = 'spamassassin';
  let out: string;
  if (await spamdAnswers()) {
    engine = 'spamd';
    // -R: the report only; spamd runs with its own options (start it with --local for no network tests).
    const r = await run('spamc', ['-R'], message, SPAM_TIMEOUT_MS);
    out = r.stdout;
  } else {
    // -L: local tests only; -t: test mode (the report is attached to the output).
    // No Bayes: nothing learnt from (or written about) the user's mail, the same score every run.
    const r = await run('spamassassin', ['-L', '-t', '--cf=report_safe 0', '--cf=use_bayes 0', '--cf=bayes_auto_learn 0'], message, SPAM_TIMEOUT_MS);
    if (r.code !== 0 && !r.stdout) throw new InboxlintError(`spamassassin failed: ${r.stderr.trim().split('\n').pop()}`);
    out = r.stdout;
  }
  const parsed = parseReport(out) ?? parseSpamcReport(out);
  if (!parsed) throw new InboxlintError(`could not read ${engine}'s report`);
  return { ...parsed, engine, version };
}

/** spamc -R prints "S/R" on the first line, then the same table. */
function parseSpamcReport(out: string): { score: number; required: number; hits: SpamHit[] } | undefined {
  const first = /^(-?[\d.]+)\/(-?[\d.]+)/.exec(out.trim());
  if (!first) return undefined;
  const table = parseReport(`Content analysis details:   (${first[1]} points, ${first[2]} required)\n${out.slice(out.indexOf('\n'))}`);
  return table;
}
