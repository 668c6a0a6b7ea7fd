import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TEMPLATE_LANGUAGES, espElementRole, findTemplateTags, isEspAttribute, withoutTemplateLogic, type EspId, type TagKind, type TagRole } from '../src/model/merge-tags.js';
import { documentFromText } from '../src/input/index.js';

/** One documented example per ESP: the tag, the ESP it must be attributed to, what it does and the link it stands for. */
const CASES: Array<[EspId, string, TagKind, TagRole | null]> = [
  ['mailchimp', '*|FNAME|*', 'output', null],
  ['mailchimp', '*|UNSUB|*', 'output', 'unsubscribe'],
  ['mailchimp', '*|IF:FNAME|*', 'logic', null],
  ['mailchimp', '*|ARCHIVE|*', 'output', 'view-online'],
  ['klaviyo', '{% unsubscribe %}', 'output', 'unsubscribe'],
  ['klaviyo', '{{ person.first_name|default:"there" }}', 'output', null],
  ['klaviyo', '{% manage_preferences_link %}', 'output', 'preferences'],
  ['shopify', '{{ order.total_price | money }}', 'output', null],
  ['shopify', '{{ shop.name }}', 'output', null],
  ['hubspot', '{{ contact.firstname }}', 'output', null],
  ['hubspot', '{{ unsubscribe_link_all }}', 'output', 'unsubscribe'],
  ['hubspot', '{% module "hero" path="@hubspot/rich_text" %}', 'output', null],
  ['sfmc', '%%[ SET @first = AttributeValue("FirstName") ]%%', 'logic', null],
  ['sfmc', '%%=v(@first)=%%', 'output', null],
  ['sfmc', '%%FirstName%%', 'output', null],
  ['sfmc', '%%unsub_center_url%%', 'output', 'unsubscribe'],
  ['sfmc', '%%profile_center_url%%', 'output', 'preferences'],
  ['braze', '{{${first_name}}}', 'output', null],
  ['braze', '{{${set_user_to_unsubscribed_url}}}', 'output', 'unsubscribe'],
  ['braze', '{% connected_content https://api.example.com/offers :save offers %}', 'logic', null],
  ['braze', '{{custom_attribute.${plan}}}', 'output', null],
  ['iterable', '{{unsubscribeUrl}}', 'output', 'unsubscribe'],
  ['iterable', '{{#if firstName}}', 'logic', null],
  ['sendgrid', '{{{unsubscribe}}}', 'output', 'unsubscribe'],
  ['sendgrid', '<%asm_group_unsubscribe_raw_url%>', 'output', 'unsubscribe'],
  ['sendgrid', '<%asm_preferences_raw_url%>', 'output', 'preferences'],
  ['sendgrid', '{{#each items}}', 'logic', null],
  ['mailgun', '%recipient.first%', 'output', null],
  ['mailgun', '%unsubscribe_url%', 'output', 'unsubscribe'],
  ['mailgun', '%mailing_list_unsubscribe_url%', 'output', 'unsubscribe'],
  ['postmark', '{{{ pm:unsubscribe }}}', 'output', 'unsubscribe'],
  ['postmark', '{{#each receipt_details}}', 'logic', null],
  ['campaign-monitor', '[unsubscribe]', 'output', 'unsubscribe'],
  ['campaign-monitor', '[webversion]', 'output', 'view-online'],
  ['activecampaign', '%UNSUBSCRIBELINK%', 'output', 'unsubscribe'],
  ['activecampaign', '%FIRSTNAME%', 'output', null],
  ['customerio', '{{ customer.first_name | default: "there" }}', 'output', null],
  ['customerio', '{% unsubscribe_url %}', 'output', 'unsubscribe'],
  ['customerio', '{% cio_link url:https://example.com %}', 'output', null],
  ['marketo', '{{my.Event Date}}', 'output', null],
  ['marketo', '{{lead.First Name:default=there}}', 'output', null],
  ['brevo', '{{ params.ORDER_ID }}', 'output', null],
  ['brevo', '{{ contact.FIRSTNAME }}', 'output', null],
  ['brevo', '{{ unsubscribe }}', 'output', 'unsubscribe'],
  ['brevo', '{{ mirror }}', 'output', 'view-online'],
  ['mautic', '{unsubscribe_text}', 'output', 'unsubscribe'],
  ['mautic', '{unsubscribe_url}', 'output', 'unsubscribe'],
  ['mautic', '{webview_text}', 'output', 'view-online'],
];

describe('template-language registry', () => {
  it('lists each ESP once, with the documentation of its syntax', () => {
    const ids = TEMPLATE_LANGUAGES.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of TEMPLATE_LANGUAGES) {
      expect(l.docs.length, l.id).toBeGreaterThan(0);
      for (const d of l.docs) expect(d, l.id).toMatch(/^https?:\/\//);
      // every ESP has a test case here
      expect(CASES.some(([id]) => id === l.id), l.id).toBe(true);
    }
  });

  it.each(CASES)('%s: %s is one tag (%s, role %s), attributed to the ESP', (esp, tag, kind, role) => {
    const text = `Hello <a href="${tag}">x</a> there`;
    const found = findTemplateTags(text);
    expect(found).toHaveLength(1);
    const [t] = found;
    expect(t.text).toBe(tag);
    expect(text.slice(t.range.start, t.range.end)).toBe(tag);
    expect(t.kind).toBe(kind);
    expect(t.role).toBe(role);
    expect(t.esps).toContain(esp);
  });

  it('names the ESP first when the tag uses its own names', () => {
    expect(findTemplateTags('{{ params.x }}')[0].esps[0]).toBe('brevo');
    expect(findTemplateTags('{{my.Webinar Speaker}}')[0].esps[0]).toBe('marketo');
    expect(findTemplateTags('{{ customer.first_name }}')[0].esps[0]).toBe('customerio');
    expect(findTemplateTags('{{{ pm:unsubscribe }}}')[0].esps[0]).toBe('postmark');
    expect(findTemplateTags('%UNSUBSCRIBELINK%')[0].esps[0]).toBe('activecampaign');
    expect(findTemplateTags('%unsubscribe_url%')[0].esps[0]).toBe('mailgun');
  });

  it('finds SendGrid -tag- substitutions only where a value starts', () => {
    expect(findTemplateTags('http://example.com/offer?id=-customerID-').map((t) => t.text)).toEqual(['-customerID-']);
    expect(findTemplateTags('-unsubscribe_url-').map((t) => t.syntax)).toEqual(['dash']);
    expect(findTemplateTags('a well-known-thing, -webkit-text-size-adjust')).toEqual([]);
  });

  it('does not read percent-encoded bytes as percent tags', () => {
    expect(findTemplateTags('https://x.test/%C3%A9t%C3%A9?q=50%25&r=%E2%80%99ok%E2%80%99')).toEqual([]);
    expect(findTemplateTags('Save 20% on 30% of items')).toEqual([]);
  });

  it('takes template logic out of visible text, keeping output tags', () => {
    expect(withoutTemplateLogic('{% if first_name %}Hi {{ first_name }}{% else %}Hi there{% endif %}').replace(/\s+/g, ' ').trim()).toBe('Hi {{ first_name }} Hi there');
    expect(withoutTemplateLogic('%%[ SET @a = 1 ]%%Hello').trim()).toBe('Hello');
    expect(withoutTemplateLogic('{{#each items}}{{name}}{{/each}}').trim()).toBe('{{name}}');
    expect(withoutTemplateLogic('*|IF:FNAME|*Hi *|FNAME|**|END:IF|*').trim()).toBe('Hi *|FNAME|*');
  });
});

describe('ESP elements and attributes', () => {
  it('knows Campaign Monitor elements and Mailchimp editor attributes', () => {
    expect(espElementRole('unsubscribe')).toEqual({ role: 'unsubscribe', esp: 'campaign-monitor' });
    expect(espElementRole('webversion')?.role).toBe('view-online');
    expect(espElementRole('div')).toBeNull();
    expect(isEspAttribute('mc:edit')).toBe(true);
    expect(isEspAttribute('mc:repeatable')).toBe(true);
    expect(isEspAttribute('href')).toBe(false);
  });

  it('tags keep their exact text and never overlap, whatever the delimiters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{{', '}}', '{%', '%}', '%%[', ']%%', '%', '=', '-', 'ab', '${', '}', '*|', '|*', '<%', '%>', ' ', '"'), { maxLength: 120 }), (parts) => {
        const s = parts.join('');
        let end = 0;
        for (const t of findTemplateTags(s)) {
          expect(s.slice(t.range.start, t.range.end)).toBe(t.text);
          expect(t.range.start).toBeGreaterThanOrEqual(end);
          end = t.range.end;
        }
        // taking logic out never adds text
        expect(withoutTemplateLogic(s).replace(/\s/g, '').length).toBeLessThanOrEqual(s.replace(/\s/g, '').length);
      }),
    );
  });
});

describe('template tags in the model', () => {
  const doc = (html: string) => documentFromText('t.html', html);

  it.each([
    ['Mailgun', '%unsubscribe_url%'],
    ['Braze', '{{${set_user_to_unsubscribed_url}}}'],
    ['ActiveCampaign', '%UNSUBSCRIBELINK%'],
    ['SendGrid', '<%asm_group_unsubscribe_raw_url%>'],
    ['SFMC', '%%=RedirectTo(@unsubUrl)=%%'],
  ])('%s unsubscribe tag in an href: an unsubscribe link to somewhere unknown', async (_esp, tag) => {
    const d = await doc(`<html><body><p>News</p><a href="${tag}">Click here</a></body></html>`);
    const [link] = d.links;
    expect(link.scheme).toBeNull();
    expect(link.isMergeTagOnly).toBe(true);
    expect(link.role).toBe('unsubscribe');
  });

  it("Mautic's {unsubscribe_text} in the copy is the mail's unsubscribe link", async () => {
    const d = await doc('<html><body><p>Save 20% this week</p><p>{webview_text}</p><div>{unsubscribe_text}</div></body></html>');
    expect(d.espLinks.map((l) => l.role)).toEqual(['view-online', 'unsubscribe']);
  });

  it('a Braze attribute opening an href leaves the scheme unknown', async () => {
    const d = await doc('<a href="{{${website_url}}}/welcome">Welcome</a>');
    expect(d.links[0].scheme).toBeNull();
  });

  it('FreeMarker directives are template logic, not visible text', async () => {
    const d = await doc('<html><body><p><#if args.pooled == true>Neue Aufgabe<#else>Aufgabe zugewiesen</#if></p></body></html>');
    expect(d.textOf(d.body!)).toBe('Neue Aufgabe Aufgabe zugewiesen');
  });

  it('template logic is not visible text', async () => {
    const d = await doc('<html><body><p id="p">{% if vip %}Hello VIP{% endif %}</p><div>%%[ SET @x = 1 ]%%</div></body></html>');
    expect(d.textOf(d.body!)).toBe('Hello VIP');
  });
});

describe('public API', () => {
  it('exports findTemplateTags for a pre-send check of rendered text', async () => {
    const api = await import('../src/index.js');
    const tags = api.findTemplateTags('Subject: Hi {{ first_name }}, your order %recipient.order% shipped');
    expect(tags.map((t) => [t.text, t.range.start, t.esps.includes('mailgun')])).toEqual([
      ['{{ first_name }}', 12, true],
      ['%recipient.order%', 41, true],
    ]);
    expect(api.TEMPLATE_LANGUAGES.length).toBeGreaterThanOrEqual(15);
  });
});
