import { describe, it, expect } from 'vitest';
import { LineIndex } from '../../src/model/location.js';
import { htmlPartOf } from '../../src/input/eml.js';
import { emlSpanMapper } from '../../src/input/eml-map.js';

const head = (enc: string) => ['From: shop@example.com', 'To: you@example.com', 'Subject: Spring', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Spring is here.', '--b', 'Content-Type: text/html; charset=utf-8', `Content-Transfer-Encoding: ${enc}`, ''];

/** The .eml line/column of the first `<img` of the decoded HTML part. */
function imgSpan(raw: string) {
  const info = htmlPartOf(raw)!;
  const map = emlSpanMapper({ raw, bodyStart: info.part.bodyStart, bodyEnd: info.part.bodyEnd, transferEncoding: info.part.transferEncoding, decoder: info.decoder, html: info.html })!;
  const at = info.html.indexOf('<img');
  return map({ start: at, end: at + 4 }, new LineIndex(info.html));
}

describe('.eml source map: decoded HTML offsets → the file as written', () => {
  it('quoted-printable: through =3D escapes, multi-byte characters and soft line breaks', () => {
    const body = ['<html lang=3D"en"><body><p>Spring is here, and the new knitwear has arrived in our sh=', 'ops. Come and see.</p><p>Caf=C3=A9 hours: 9 to 5.</p>', '<p>Look: <img src=3D"https://example.com/a.jpg" width=3D"300"></p></body></html>'];
    const lines = [...head('quoted-printable'), ...body, '--b--', ''];
    const s = imgSpan(lines.join('\r\n'));
    expect(s.line).toBe(lines.indexOf(body[2]) + 1);
    expect(s.column).toBe(body[2].indexOf('<img') + 1);
    expect(s.endColumn).toBe(body[2].indexOf('<img') + 5);
  });

  it('base64: the line of the base64 text holding the element', () => {
    const html = `<html lang="en"><body>${'<p>Spring is here, and the new knitwear has arrived.</p>'.repeat(6)}<img src="https://example.com/a.jpg" width="300"></body></html>`;
    const b64 = Buffer.from(html, 'utf8').toString('base64').match(/.{1,76}/g)!;
    const lines = [...head('base64'), ...b64, '--b--', ''];
    const at = Math.floor(((html.indexOf('<img') / 3) * 4) / 76);
    expect(imgSpan(lines.join('\n')).line).toBe(lines.indexOf(b64[0]) + 1 + at);
  });

  it('7bit, and a whole-message finding (the document start) lands in the header block', () => {
    const html = '<html lang="en"><body>\n<p>Hi</p>\n<img src="x.jpg"></body></html>';
    const lines = [...head('7bit'), ...html.split('\n'), '--b--', ''];
    const raw = lines.join('\n');
    expect(imgSpan(raw).line).toBe(lines.indexOf('<img src="x.jpg"></body></html>') + 1);
    const info = htmlPartOf(raw)!;
    const map = emlSpanMapper({ raw, bodyStart: info.part.bodyStart, bodyEnd: info.part.bodyEnd, transferEncoding: '7bit', decoder: info.decoder, html: info.html })!;
    expect(map({ start: 0, end: 0 }, new LineIndex(info.html)).line).toBe(1);
  });
});
