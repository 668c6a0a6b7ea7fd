import { describe, it, expect } from 'vitest';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { planHref } from '../src/rewrite/plan.js';

async function lint(code: string, rules: string[], mailType?: 'marketing' | 'transactional') {
  const doc = await documentFromText('t.html', code, mailType ? { mailType } : {});
  return lintDocument(doc, { rules: Object.fromEntries(rules.map((r) => [r, { severity: 'error' }])) }).messages.map((m) => `${m.ruleId}:${m.messageId}`);
}

const ESP_HREFS = [
  '%unsubscribe_url%',
  '%recipient.profile_url%',
  '{{${set_user_to_unsubscribed_url}}}',
  '{{${website_url}}}/offers',
  '%UNSUBSCRIBELINK%',
  '<%asm_group_unsubscribe_raw_url%>',
  '%%=RedirectTo(@url)=%%',
  '%%[ SET @u = "x" ]%%',
  '{{my.Landing Page URL}}',
  '{{ params.ORDER_URL }}',
  '-unsubscribe_url-',
];

describe('ESP tags in hrefs: links to somewhere unknown', () => {
  it.each(ESP_HREFS)('link-href and link-insecure say nothing about %s', async (href) => {
    const attr = href.includes('"') ? `'${href}'` : `"${href.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;
    expect(await lint(`<html><body><p>Hi</p><a href=${attr}>Open it</a></body></html>`, ['link-href', 'link-insecure'])).toEqual([]);
  });

  it.each(ESP_HREFS)('the tracker does not call %s relative', (href) => {
    const plan = planHref(href, { index: 0, text: 'Open it' }, { source: 'x', medium: 'email', campaign: 'c' });
    expect(plan.kind === 'skipped' && plan.reason === 'relative').toBe(false);
  });
});

describe('ESP unsubscribe tags count as the unsubscribe link', () => {
  it.each([
    ['Mailgun', '<a href="%unsubscribe_url%">Click here</a>'],
    ['Braze', '<a href="{{${set_user_to_unsubscribed_url}}}">Stop these</a>'],
    ['ActiveCampaign', '<a href="%UNSUBSCRIBELINK%">Wypisz się</a>'],
    ['Campaign Monitor element', '<unsubscribe>Afmelden</unsubscribe>'],
    ['Klaviyo tag', '{% unsubscribe %}'],
    ['Brevo', '<a href="{{ unsubscribe }}">Se désinscrire</a>'],
  ])('%s', async (_esp, footer) => {
    expect(await lint(`<html><body><p>Spring sale: 20% off everything.</p><p>${footer}</p></body></html>`, ['unsubscribe-link'], 'marketing')).toEqual([]);
  });

  it('a hidden Campaign Monitor <unsubscribe> is still hidden', async () => {
    expect(await lint('<html><body><p>Spring sale.</p><div style="display:none"><unsubscribe>Unsubscribe</unsubscribe></div></body></html>', ['unsubscribe-link'], 'marketing')).toEqual(['unsubscribe-link:hidden']);
  });
});

describe('tags in alt, lang and <title> count as present', () => {
  it('a title made of template tags is not empty', async () => {
    expect(await lint('<html lang="en"><head><title>{% block title %}{% endblock %}</title></head><body><p>Hi</p></body></html>', ['html-title'])).toEqual([]);
    expect(await lint('<html lang="en"><head><title>{{ subject }}</title></head><body><p>Hi</p></body></html>', ['html-title'])).toEqual([]);
  });
  it('a lang from a tag is present', async () => {
    expect(await lint('<html lang="{{ locale }}"><head><title>x</title></head><body><p>Hello there, how are you</p></body></html>', ['html-lang'])).toEqual([]);
  });
  it('an alt from a tag is present', async () => {
    expect(await lint('<html><body><img src="a.png" alt="{{ product.title }}" width="300" height="200"></body></html>', ['img-alt'])).toEqual([]);
  });
});

describe('render and preview show template logic as the model reads it', () => {
  it('the render copy leaves out logic and keeps output tags and every other byte', async () => {
    const { renderCopy } = await import('../src/render/page.js');
    const doc = await documentFromText('t.html', '<html><body><p>{% if vip %}Hi {{ name }}{% endif %}</p><style>p{}</style></body></html>');
    const html = renderCopy(doc);
    expect(html).not.toContain('{% if');
    expect(html).not.toContain('{% endif');
    expect(html).toContain('Hi {{ name }}');
    expect(html.replace(/ data-il="\d+"/g, '')).toBe('<html><body><p>Hi {{ name }}</p><style>p{}</style></body></html>');
  });
});

describe('list-unsubscribe: an ESP tag in the header is an address the ESP fills in', () => {
  const eml = (lu: string) =>
    ['From: a@example.com', 'To: b@example.com', 'Subject: Sale', 'MIME-Version: 1.0', `List-Unsubscribe: ${lu}`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'Content-Type: multipart/alternative; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Hi! Unsubscribe: %unsubscribe_url%', '',
      '--b1', 'Content-Type: text/html; charset=utf-8', '', '<html lang="en"><head><meta charset="utf-8"><title>Sale</title></head><body><p>Hi! <a href="%unsubscribe_url%">Unsubscribe</a></p></body></html>', '', '--b1--', ''].join('\r\n');
  it.each(['<%unsubscribe_url%>', '<{{ unsubscribe_url }}>, <mailto:u@example.com>', '<*|UNSUB|*>'])('%s is not "no https URI"', async (lu) => {
    const doc = await documentFromText('m.eml', eml(lu), { mailType: 'marketing' });
    const ms = lintDocument(doc, { rules: { 'list-unsubscribe': { severity: 'error' } } }).messages;
    expect(ms.map((m) => m.messageId)).toEqual([]);
  });
  it('a mailto: alone still is', async () => {
    const doc = await documentFromText('m.eml', eml('<mailto:u@example.com>'), { mailType: 'marketing' });
    expect(lintDocument(doc, { rules: { 'list-unsubscribe': { severity: 'error' } } }).messages.map((m) => m.messageId)).toEqual(['noHttps']);
  });
});
