import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

const page = (inner: string) => `<!doctype html><html lang="en"><body style="background:#ffffff"><table width="600" align="center">${inner}</table></body></html>`;
const cell = (href: string, label: string) => `<td bgcolor="#1a73e8" style="padding:10px 12px"><a href="${href}" style="color:#ffffff;font-size:16px">${label}</a></td>`;

describe('rating and NPS scales are one survey action', () => {
  it('a 0–10 row of numbered buttons to one survey is one CTA, of type form', async () => {
    const row = Array.from({ length: 11 }, (_, i) => cell(`https://survey.example.com/nps?score=${i}&u={{id}}`, String(i))).join('');
    const doc = await documentFromText('x.html', page(`<tr><td><p>How likely are you to recommend us to a friend?</p></td></tr><tr><td><table><tr>${row}</tr></table></td></tr>`));
    expect(doc.ctas).toHaveLength(1);
    const [c] = doc.ctas;
    expect(c.survey?.links).toHaveLength(11);
    expect(c.type).toBe('form');
    expect(c.survey?.label).toBe('0–10');
    expect(c.label).toBe('0');
    const ms = lintDocument(doc, { rules: { 'cta-action-text': { severity: 'error' }, 'cta-vague-text': { severity: 'error' }, 'cta-competing': { severity: 'error' } } }).messages;
    expect(ms).toEqual([]);
  });

  it('a row of emoji links to one feedback form is one CTA', async () => {
    const faces = ['😞', '😐', '🙂', '😀'];
    const row = faces.map((f, i) => `<td><a href="{{feedback_url}}?rating=${i + 1}" style="font-size:32px;text-decoration:none">${f}</a></td>`).join('');
    const doc = await documentFromText('x.html', page(`<tr><td><p>How was your delivery?</p></td></tr><tr><td><table><tr>${row}</tr></table></td></tr>`));
    expect(doc.ctas.length).toBeLessThanOrEqual(1);
    if (doc.ctas.length) expect(doc.ctas[0].survey?.links).toHaveLength(4);
  });

  it('three buttons to different places are not a scale', async () => {
    const doc = await documentFromText('x.html', page(`<tr>${cell('https://example.com/a', '1')}${cell('https://example.com/b', '2')}${cell('https://example.com/c', '3')}</tr>`));
    expect(doc.ctas.every((c) => !c.survey)).toBe(true);
  });
});

describe('the header logo is not a CTA', () => {
  it('a large linked logo image in the header cell, going to the home page, is not a CTA', async () => {
    const doc = await documentFromText('x.html', page(
      '<tr><td><a href="https://www.example.com/"><img src="https://cdn.example.com/brand-header.png" width="600" height="90" alt="Example Store"></a></td></tr>' +
      '<tr><td><p>Our spring sale starts today with new arrivals in every department.</p></td></tr>' +
      `<tr><td><table><tr>${cell('https://www.example.com/sale', 'Shop the sale')}</tr></table></td></tr>`,
    ));
    expect(doc.ctas.map((c) => c.label)).toEqual(['Shop the sale']);
  });

  it('a wordmark text link in the header, styled as a block, is not a CTA', async () => {
    const doc = await documentFromText('x.html', page(
      '<tr><td style="padding:20px"><a href="https://example.com" style="display:block;padding:10px 20px;font-size:24px;font-weight:bold;color:#111">EXAMPLE</a></td></tr>' +
      '<tr><td><p>Our spring sale starts today with new arrivals in every department.</p></td></tr>' +
      `<tr><td><table><tr>${cell('https://example.com/sale', 'Shop the sale')}</tr></table></td></tr>`,
    ));
    expect(doc.ctas.map((c) => c.label)).toEqual(['Shop the sale']);
  });

  it('a banner at the top that goes to an offer stays a CTA', async () => {
    const doc = await documentFromText('x.html', page(
      '<tr><td><a href="https://www.example.com/spring-sale"><img src="https://cdn.example.com/hero-sale.png" width="600" height="300" alt="Spring sale: 30% off"></a></td></tr>' +
      '<tr><td><p>Our spring sale starts today.</p></td></tr>',
    ));
    expect(doc.ctas.map((c) => c.label)).toEqual(['Spring sale: 30% off']);
  });
});

describe('a rating scale gets its contrast findings once', () => {
  it('eleven pale buttons: one cta-contrast label finding, one fill finding, and no color-contrast ones', async () => {
    const pale = (href: string, label: string) => `<td bgcolor="#9fc5f8" style="padding:10px 12px"><a href="${href}" style="color:#ffffff;font-size:16px">${label}</a></td>`;
    const row = Array.from({ length: 11 }, (_, i) => pale(`https://survey.example.com/nps?score=${i}`, String(i))).join('');
    const doc = await documentFromText('x.html', page(`<tr><td><p>How likely are you to recommend us?</p></td></tr><tr><td><table><tr>${row}</tr></table></td></tr>`));
    const ms = lintDocument(doc, { rules: { 'cta-contrast': { severity: 'error' }, 'color-contrast': { severity: 'error' } } }).messages;
    expect(ms.map((m) => `${m.ruleId}:${m.messageId}`).sort()).toEqual(['cta-contrast:fill', 'cta-contrast:label']);
  });
});

describe('a rating scale of VML buttons', () => {
  it('keeps its first step\'s label, so the Outlook twin still matches it', async () => {
    const step = (n: number) =>
      `<td><div><!--[if mso]><v:rect xmlns:v="urn:schemas-microsoft-com:vml" href="https://survey.example.com/r?s=${n}" style="height:30px;v-text-anchor:middle;width:30px;" fillcolor="#ffffff"><center style="color:#333333;font-size:16px">${n}</center></v:rect><![endif]-->` +
      `<a href="https://survey.example.com/r?s=${n}" style="background-color:#ffffff;border:1px solid #e3e3e3;color:#333333;display:inline-block;font-size:16px;line-height:30px;width:30px;text-align:center;mso-hide:all">${n}</a></div></td>`;
    const doc = await documentFromText('x.html', page(`<tr><td><p>Rate your visit</p></td></tr><tr><td><table><tr>${[1, 2, 3, 4, 5].map(step).join('')}</tr></table></td></tr>`));
    expect(doc.ctas).toHaveLength(1);
    expect(doc.ctas[0].survey?.label).toBe('1–5');
    const ms = lintDocument(doc, { rules: { 'cta-outlook-mismatch': { severity: 'error' } } }).messages;
    expect(ms).toEqual([]);
  });
});
