/**
 * Template code that is not wording: Ruby's #{…}, a Magento {{trans}} directive's %placeholders
 * in an href, and CTA labels that are only template expressions (src/model/merge-tags.ts).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { findMergeTags, isDirectivePlaceholder, isLayoutTemplate, isOnlyTemplateCode, withoutTemplateTags } from '../src/model/merge-tags.js';

async function lint(html: string, rules: string[]) {
  const doc = await documentFromText('t.html', html);
  return lintDocument(doc, { rules: Object.fromEntries(rules.map((r) => [r, { severity: 'error' as const }])) }).messages.filter((m) => m.ruleId && rules.includes(m.ruleId));
}

describe('Ruby #{…} interpolation', () => {
  it('is a template tag, and an href built from it is a link to somewhere unknown', async () => {
    expect(findMergeTags('Hi #{user.first_name}!').map((t) => [t.syntax, t.text])).toEqual([['hash-brace', '#{user.first_name}']]);
    expect(findMergeTags('a#{b').length).toBe(0);
    const msgs = await lint('<body><a href="#{app.scheme}://#{app.host}/activate/#{token}">Activate</a></body>', ['link-href']);
    expect(msgs).toEqual([]);
  });

  it('is left out of the wording the language is told from', () => {
    expect(withoutTemplateTags('Hola #{user.name}, bienvenido').replace(/\s+/g, ' ')).toBe('Hola , bienvenido');
  });
});

describe('Magento {{trans}} placeholders', () => {
  const trans = (href: string, param: string) => `<p>{{trans 'Forgot it? Click <a href="${href}">here</a> to choose a new one.' ${param}="$this.getUrl($store,'account/new/')" |raw}}</p>`;

  it('a %name href filled in by the directive is not a relative link', async () => {
    expect(await lint(`<body>${trans('%new_url', 'new_url')}</body>`, ['link-href'])).toEqual([]);
  });

  it('is only a placeholder when the enclosing directive names it', async () => {
    expect((await lint(`<body>${trans('%new_url', 'other_url')}</body>`, ['link-href'])).map((m) => m.messageId)).toEqual(['relative']);
    expect((await lint('<body><a href="%new_url">here</a></body>', ['link-href'])).map((m) => m.messageId)).toEqual(['relative']);
  });

  it('isDirectivePlaceholder looks at the directive around the offset only', () => {
    const text = `{{trans 'a <a href="%x_url">b</a>' x_url=$u}} <a href="%x_url">c</a>`;
    const first = text.indexOf('%x_url');
    const second = text.lastIndexOf('%x_url');
    expect(isDirectivePlaceholder(text, first, '%x_url')).toBe(true);
    expect(isDirectivePlaceholder(text, second, '%x_url')).toBe(false);
    expect(isDirectivePlaceholder(text, first, 'https://example.com')).toBe(false);
  });
});

describe('labels that are only template code', () => {
  it('isOnlyTemplateCode: tags with nothing but spaces or punctuation around them', () => {
    expect(isOnlyTemplateCode('{{ t "email.button.confirm" }}')).toBe(true);
    expect(isOnlyTemplateCode(' {{var link}} »')).toBe(true);
    expect(isOnlyTemplateCode('*|BUTTON_LABEL|* {{x}}')).toBe(true);
    expect(isOnlyTemplateCode('Confirm {{ name }}')).toBe(false);
    expect(isOnlyTemplateCode('Confirm')).toBe(false);
  });

  it('property: words around a tag make it wording; a tag alone never is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_][a-z0-9_.]{0,20}$/), fc.stringMatching(/^[A-Za-zÀ-ž]{1,12}$/), (name, word) => {
        expect(isOnlyTemplateCode(`{{ ${name} }}`)).toBe(true);
        expect(isOnlyTemplateCode(`${word} {{ ${name} }}`)).toBe(false);
      }),
    );
  });

  it('cta-action-text judges neither the length nor the case of a label written at send time', async () => {
    const button = (label: string) => `<body><p>Almost done.</p><a href="https://example.com/c" style="display:inline-block;background:#0a5;color:#fff;padding:14px 28px">${label}</a></body>`;
    expect(await lint(button('{{ T "email.subscription.confirmButtonLabel" }}'), ['cta-action-text'])).toEqual([]);
    expect(await lint(button('{{ CONFIRM_BUTTON_TEXT_FROM_THE_SETTINGS }}'), ['cta-action-text'])).toEqual([]);
    // Real words around the tag are still judged.
    expect((await lint(button('Please click on this button to confirm your subscription {{ x }}'), ['cta-action-text'])).map((m) => m.messageId)).toEqual(['tooLong']);
  });
});

describe('layouts and partials', () => {
  it('a slot for each mail\'s content or named partials make a layout, not a whole mail', () => {
    for (const t of ['<td>{{ content_for_layout }}</td>', '{{ define "header" }}<img src="{{ Logo }}">{{ end }}', '<div><%= yield %></div>', '<div>{{{ @content }}}</div>', '{% block content %}{% endblock %}']) {
      expect(isLayoutTemplate(t), t).toBe(true);
    }
    for (const t of ['<p>Hello {{ name }}</p>', '{% block footer_links %}{% endblock %}', '<p>content for layout</p>', '{{ template "header" . }}<p>Hi</p>']) {
      expect(isLayoutTemplate(t), t).toBe(false);
    }
  });
});
