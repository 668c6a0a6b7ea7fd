/**
 * Nothing lost: a process killed with SIGKILL while it writes a file in place leaves either the
 * old file or the new one, never a torn one. `track --write` on a multi-megabyte template is
 * killed at delays spread over its whole run (measured first), and the file is read back.
 */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));

/** A template of ~1 MB with thousands of links, so the write is long enough to be interrupted. */
function bigTemplate(): string {
  const rows: string[] = [];
  for (let i = 0; i < 5_000; i++) {
    rows.push(`<tr><td style="padding:8px;color:#333333">Item ${i}: <a href="https://shop.example.com/p/${i}?ref=a&amp;b=${i}">See item ${i}</a> — a little text to fill the row.</td></tr>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Catalogue</title></head><body><table role="presentation">${rows.join('\n')}</table></body></html>\n`;
}

function killAfter(args: string[], cwd: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('writes survive SIGKILL', () => {
  it('track --write: the file is always the old one or the new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-kill-'));
    const file = join(dir, 'catalogue.html');
    const original = bigTemplate();
    const args = ['track', file, '--campaign', 'kill-test', '--write'];
    writeFileSync(file, original);
    const t0 = Date.now();
    const full = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    const duration = Date.now() - t0;
    expect(full.status).toBe(0);
    const tracked = readFileSync(file, 'utf8');
    expect(tracked).not.toBe(original);

    const outcomes = { old: 0, new: 0 };
    const steps = 6;
    for (let i = 0; i < steps; i++) {
      writeFileSync(file, original);
      // From process start-up to just past the end of the run, so some kills land mid-write.
      await killAfter(args, dir, Math.round((duration * (i + 1)) / steps));
      const now = readFileSync(file, 'utf8');
      if (now === original) outcomes.old++;
      else if (now === tracked) outcomes.new++;
      else expect.fail(`torn file after a kill at ${Math.round((duration * (i + 1)) / steps)} ms: ${now.length} characters`);
    }
    expect(outcomes.old + outcomes.new).toBe(steps);
    // Only the file itself, or leftover temp files that start with a dot (never the file half-written).
    for (const name of readdirSync(dir)) expect(name === 'catalogue.html' || /^\.catalogue\.html\..+\.tmp$/.test(name)).toBe(true);
  }, 120_000);
});
