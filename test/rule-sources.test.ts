/** Rule documentation cites public sources a reader can follow: a link in every source, no private notes. */
import { describe, it, expect } from 'vitest';
import { allRules } from '../rules/index.js';
import { ruleReadme } from '../src/docs.js';
import { formatters } from '../src/formatters/index.js';

describe.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it('every source has an https link, and none points at notes outside the repository', () => {
    for (const s of rule.sources) {
      expect(s, `${id}: ${s}`).toMatch(/https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
      expect(s).not.toMatch(/email-guidance/i);
    }
    for (const text of [rule.rationale, rule.guidance, ...Object.values(rule.messages)]) expect(text).not.toMatch(/email-guidance/i);
  });

  it('the README makes each source link clickable', () => {
    const readme = ruleReadme(rule);
    const links = [...readme.matchAll(/<(https:\/\/[^>\s]+)>/g)].map((m) => m[1]);
    for (const s of rule.sources) for (const url of s.match(/https:\/\/\S+/g) ?? []) expect(links).toContain(url.replace(/[.,;:]$/, ''));
  });
});

describe('SARIF help', () => {
  it('lists the sources of each rule', () => {
    const rule = allRules.find((r) => r.id === 'list-unsubscribe')!;
    const log = JSON.parse(formatters.sarif([], { cwd: '/', rulesMeta: { [rule.id]: rule } }));
    const d = log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === rule.id);
    expect(d.help.markdown).toContain('https://www.rfc-editor.org/rfc/rfc8058');
  });
});
