import { describe, it, expect } from 'vitest';
import { looksBinary, decodeText, utf16Bom } from '../src/input/index.js';
import { InputError } from '../src/errors.js';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);

describe('input decoding', () => {
  it('tells binary files from text with a stray NUL', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(looksBinary(bytes('%PDF-1.7\n…'))).toBe(true);
    expect(looksBinary(Buffer.concat([bytes('<p>'.repeat(500)), Buffer.from([0]), bytes('</p>')]))).toBe(false);
    expect(looksBinary(Buffer.alloc(4000, 0))).toBe(true);
    expect(looksBinary(bytes('<html><body>Hello</body></html>'))).toBe(false);
  });

  it('decodes UTF-8 (keeping the BOM), UTF-16 with a BOM, and a declared single-byte charset', () => {
    expect(decodeText(bytes('\ufeff<p>é</p>'), 'a.html')).toBe('\ufeff<p>é</p>');
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), bytes('<p>é</p>', 'utf16le')]);
    expect(utf16Bom(u16)).toBe('utf-16le');
    expect(looksBinary(u16)).toBe(false);
    expect(decodeText(u16, 'a.html')).toBe('\ufeff<p>é</p>');
    expect(decodeText(Buffer.from('<meta charset="windows-1252"><p>caf\xe9 \x80</p>', 'latin1'), 'a.html')).toContain('café €');
  });

  it('names the file and line of invalid UTF-8 without a declared charset, and refuses unknown charsets', () => {
    const bad = Buffer.concat([bytes('<p>ok</p>\n<p>'), Buffer.from([0xc3, 0x28]), bytes('</p>')]);
    expect(() => decodeText(bad, 'bad.html')).toThrow(InputError);
    try {
      decodeText(bad, 'bad.html');
    } catch (e) {
      expect((e as InputError).describe()).toMatch(/^bad\.html:2: not valid UTF-8/);
    }
    expect(() => decodeText(Buffer.from('<meta charset="x-klingon"><p>\xe9</p>', 'latin1'), 'k.html')).toThrow(/unknown character encoding "x-klingon"/);
  });
});
