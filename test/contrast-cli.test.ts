/**
 * The "done when", through the real CLI (build first: `npx tsc -p .`): `inboxlint lint`
 * finds low-contrast text whose background comes from a `<style>` class on an ancestor, passes
 * light text on a dark bgcolor cell, and reports the dark-scheme failures of a template whose
 * dark media query makes text unreadable.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fixturePath } from './contrast-fixtures.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));

function lintJson(file: string) {
  const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.stderr).toBe('');
  const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; messageId: string; line: number; message: string }> }>;
  return result.messages.filter((m) => m.ruleId === 'color-contrast' || m.ruleId === 'cta-contrast' || m.ruleId === 'min-font-size');
}

describe('inboxlint lint: contrast', () => {
  it('finds low-contrast text on a background from a <style> class on an ancestor', () => {
    const ms = lintJson(fixturePath('style-class-ancestor.html'));
    expect(ms.map((m) => `${m.line}:${m.ruleId}:${m.messageId}`)).toEqual(['18:color-contrast:low']);
    expect(ms[0].message).toContain('#8a8a8a (from .muted in <style>, line 9) on #f4f4f4 (from .wrapper in <style>, line 7)');
  });

  it('passes light text on a dark bgcolor cell', () => {
    expect(lintJson(fixturePath('bgcolor-dark-cell.html'))).toEqual([]);
  });

  it('reports the dark-scheme failures', () => {
    expect(lintJson(fixturePath('dark-mode-unreadable.html')).map((m) => `${m.line}:${m.messageId}`)).toEqual(['22:lowDark']);
  });
});
