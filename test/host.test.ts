/**
 * One `hostOf` (src/model/host.ts) for link types, social links, CTA suggestions and the
 * tracking planner. Two copies used to disagree; these are the cases where they did, each
 * answered as the WHATWG URL parser (Node's `URL`, what a mail client's browser uses) answers.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hostOf } from '../src/model/host.js';
import { classifyLink, isSocialHref } from '../src/model/classify.js';

/** The browser's host, without the trailing dot of a fully qualified name. */
const browserHost = (href: string) => new URL(href).hostname.replace(/\.$/, '');

describe('hostOf', () => {
  it('drops userinfo: the host is after the last @ (the old link-type copy said "user")', () => {
    for (const href of ['https://user:pw@evil.example/x', 'https://user@shop.example.com/x', 'https://a@b@shop.example.com/']) {
      expect(hostOf(href)).toBe(browserHost(href));
    }
    expect(hostOf('https://user:pw@evil.example/x')).toBe('evil.example');
  });

  it('ends the host at a backslash, as browsers do in http(s) URLs', () => {
    expect(hostOf('https://shop.example.com\\sale')).toBe('shop.example.com');
    expect(browserHost('https://shop.example.com\\sale')).toBe('shop.example.com');
  });

  it('drops the port, also after an IPv6 literal', () => {
    expect(hostOf('https://user@Shop.Example.com:8080/x')).toBe('shop.example.com');
    expect(hostOf('http://[::1]:8080/')).toBe('[::1]');
    expect(browserHost('http://[::1]:8080/')).toBe('[::1]');
  });

  it('reads a trailing-dot name as the same host', () => {
    expect(hostOf('https://www.facebook.com./acme')).toBe('www.facebook.com');
  });

  it('answers null when a merge tag is in the host, and for relative links', () => {
    expect(hostOf('https://{{host}}/x')).toBeNull();
    expect(hostOf('https://*|DOMAIN|*/x')).toBeNull();
    expect(hostOf('/path')).toBeNull();
    expect(hostOf('mailto:a@example.com')).toBeNull();
    expect(hostOf('http://')).toBe('');
  });

  it('reads protocol-relative and other schemes with an authority', () => {
    expect(hostOf('//cdn.example.com/a.png')).toBe('cdn.example.com');
    expect(hostOf('ftp://files.example.com/a.zip')).toBe('files.example.com');
  });

  it('agrees with the URL parser on generated http(s) URLs with userinfo and ports', () => {
    // Names, not numbers: the parser rewrites an all-numeric host as an IPv4 address.
    const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/).filter((l) => !/^..--/.test(l));
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https', 'HTTPS'),
        fc.option(fc.stringMatching(/^[a-z0-9]{1,6}(:[a-z0-9]{0,6})?$/), { nil: undefined }),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.constantFrom('', '/', '/a/b', '?q=1', '#top', '\\x'),
        (scheme, user, labels, port, rest) => {
          const href = `${scheme}://${user ? `${user}@` : ''}${labels.join('.')}${port ? `:${port}` : ''}${rest}`;
          expect(hostOf(href)).toBe(browserHost(href));
        },
      ),
    );
  });

  it('the link types read the same host: a social profile behind userinfo, a shop. host behind a port', () => {
    expect(isSocialHref('https://tracking@www.facebook.com/acme')).toBe(true);
    expect(classifyLink('https://x@shop.example.com:443/', 'Go')).toBe('product');
  });
});
