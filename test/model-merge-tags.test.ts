import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findMergeTags, isWhollyMergeTag } from '../src/model/merge-tags.js';

describe('merge tags', () => {
  it.each([
    ['{{{pm:unsubscribe}}}', 'triple-brace'],
    ['{{ first_name }}', 'double-brace'],
    ['{% if x %}', 'brace-percent'],
    ['*|UNSUB|*', 'mailchimp'],
    ['%%=RedirectTo(@url)=%%', 'ampscript-inline'],
    ['%%view_email_url%%', 'double-percent'],
    ['<%asm_group_unsubscribe_raw_url%>', 'angle-percent'],
    ['%recipient.first%', 'mailgun'],
    ['[unsubscribe]', 'bracket'],
    ['{name}', 'single-brace'],
    ['${user.url}', 'dollar-brace'],
    ['{$url_confirm_and_keep}', 'smarty'],
    ['{$contact.first_name|escape}', 'smarty'],
    ['<#if args.workflowPooled == true>', 'freemarker'],
    ['</#list>', 'freemarker'],
    ['{!topicLink!}', 'bang-brace'],
    ['{!! $url !!}', 'bang-brace'],
  ])('recognises %s as %s', (tag, syntax) => {
    const found = findMergeTags(`https://x.test/a?b=${tag}#c`);
    expect(found).toHaveLength(1);
    expect(found[0].syntax).toBe(syntax);
    expect(found[0].text).toBe(tag);
    expect(isWhollyMergeTag(` ${tag} `)).toBe(true);
  });

  it('a Smarty variable in an href is a link to somewhere unknown, not a relative one (link-href)', async () => {
    const { lint } = await import('../src/api.js');
    const [r] = await lint({ text: '<a href="{$url_confirm}">Bekræft</a> <a href="confirm.html">Confirm</a>', filePath: 'a.html' }, { rules: ['link-href=error'] });
    expect(r.messages.filter((m) => m.ruleId === 'link-href').map((m) => m.message)).toEqual([expect.stringContaining('"confirm.html"')]);
  });

  it.each([
    ['*|FORWARD|*', true],
    ['*|ARCHIVE_LINK_SHORT|*', true],
    ['[forwardtoafriend]', true],
    ['[Sender_Address]', true],
    ['%%=RedirectTo(@link)=%%', true],
    ['%%=CloudPagesURL(123)=%%', true],
    ['%%profile_center_url%%', true],
    ['{% cio_link "https://x.test" %}', true],
    ['{{ email_footer }}', true],
    ['{{ view_online_url }}', true],
    ['*|FNAME|*', false],
    ['{{ product_url }}', false],
    ['%%=CloudPagesURL(123)', false],
  ])('the registry says whether %s is an ESP system tag (%s)', (tag, system) => {
    const [t] = findMergeTags(tag);
    expect(t?.system ?? false).toBe(system);
  });

  it('a forkbb {!…!} raw tag in an href is a link to somewhere unknown, not a relative one (link-href)', async () => {
    const { lint } = await import('../src/api.js');
    const html = '<p><a href="{!topicLink!}">Тема</a> <a href="{!unsubscribeLink!}">этой ссылке</a> <a href="tema.html">Тема</a></p>';
    const [r] = await lint({ text: html, filePath: 'a.html' }, { rules: ['link-href=error'] });
    expect(r.messages.filter((m) => m.ruleId === 'link-href').map((m) => m.message)).toEqual([expect.stringContaining('"tema.html"')]);
    expect(findMergeTags('{!open} and {!x}')).toEqual([]);
  });

  it('a Magento 1 {{store url="…"}} href cut at its nested quote is template code, not a relative link (link-href)', async () => {
    const { lint } = await import('../src/api.js');
    const html = '<p><a href="{{store url="customer/account/"}}">Anmelden</a> <a href="{{var url}">Typo</a> <a href="konto.html">Konto</a></p>';
    const [r] = await lint({ text: html, filePath: 'a.html' }, { rules: ['link-href=error'] });
    expect(r.messages.filter((m) => m.ruleId === 'link-href').map((m) => m.message)).toEqual([expect.stringContaining('"konto.html"')]);
    const { isCutTemplateExpression } = await import('../src/model/merge-tags.js');
    expect(['{{store url=', '${shareUrl', '<%= url'].map(isCutTemplateExpression)).toEqual([true, true, true]);
    expect(['{{url}}', 'page.html', '{x}', 'https://x.test/{{'].map(isCutTemplateExpression)).toEqual([false, false, false, false]);
  });

  it('does not mistake percent-encoding or plain URLs for merge tags', () => {
    expect(findMergeTags('https://x.test/a%20b?q=100%25&r=%7Bx%7D')).toEqual([]);
    expect(isWhollyMergeTag('https://x.test/{{id}}')).toBe(false);
  });

  it('is linear and safe on delimiter soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{', '}', '{{', '}}', '%', '%%', '*|', '|*', '<%', '%>', '[', ']', 'a', ' '), { maxLength: 200 }), (parts) => {
        const s = parts.join('');
        for (const t of findMergeTags(s)) expect(s.slice(t.range.start, t.range.end)).toBe(t.text);
      }),
    );
    const soup = '{{ {% *| <? '.repeat(50000);
    const t0 = performance.now();
    findMergeTags(soup);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
