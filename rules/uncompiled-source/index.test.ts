import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';
import { allRules } from '../index.js';
import { uncompiledSource } from '../../src/model/uncompiled.js';

const everyRule = Object.fromEntries(allRules.map((r) => [r.id, { severity: 'error' as const }]));

const INKY = `<container>
  <row>
    <columns small="12" large="6">
      <h1>Hi, Jane</h1>
      <p>Our spring sale is on. Tap below to see it.</p>
      <button href="https://example.com/sale">Shop</button>
    </columns>
    <columns small="12" large="6"><img src="hero.png"></columns>
  </row>
  <spacer size="16"></spacer>
</container>`;

const MAIZZLE = `---
title: Welcome
---
<extends src="src/layouts/main.html">
  <block name="template">
    <x-main>
      <p>Welcome aboard!</p>
      <component src="src/components/button.html" href="https://example.com">Start</component>
    </x-main>
  </block>
</extends>`;

describe('uncompiled-source', () => {
  it('raw Inky (Foundation for Emails) gets one finding, "compile first", and only what holds as written besides (img-alt)', async () => {
    const doc = await documentFromText('inky.html', INKY);
    expect(uncompiledSource(doc)?.framework).toBe('Inky (Foundation for Emails)');
    const ms = lintDocument(doc, { rules: everyRule }).messages;
    expect(ms.map((m) => `${m.ruleId}:${m.messageId}`)).toEqual(['uncompiled-source:uncompiled', 'img-alt:missing']);
    expect(ms[0].line).toBe(1);
    expect(ms[0].message).toMatch(/Inky/);
    expect(ms[0].message).toMatch(/<container>, <row>, <columns>/);
  });

  it('a Maizzle source (front matter, <extends>, <x-main>, <component>) gets one finding', async () => {
    const doc = await documentFromText('maizzle.html', MAIZZLE);
    expect(uncompiledSource(doc)?.framework).toBe('Maizzle');
    const ms = lintDocument(doc, { rules: everyRule }).messages;
    expect(ms.map((m) => `${m.ruleId}:${m.messageId}`)).toEqual(['uncompiled-source:uncompiled']);
  });

  it('MJML saved as .html is uncompiled MJML', async () => {
    const doc = await documentFromText('x.html', '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>');
    expect(uncompiledSource(doc)?.framework).toBe('MJML');
  });

  it('compiled Foundation email (tables with class="container" / "row") is email, not source', async () => {
    const doc = await documentFromText('x.html', '<html><body><table class="container"><tr><td><table class="row"><tr><th class="columns">Hi</th></tr></table></td></tr></table><button type="submit">Not Inky</button></body></html>');
    expect(uncompiledSource(doc)).toBeUndefined();
  });

  it('with the rule off, the other rules run as before', async () => {
    const doc = await documentFromText('inky.html', INKY);
    const ms = lintDocument(doc, { rules: { ...everyRule, 'uncompiled-source': { severity: 'off' } } }).messages;
    expect(ms.length).toBeGreaterThan(1);
  });
});
