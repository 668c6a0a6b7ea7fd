/** The rule every corpus test follows (test/corpus.ts): absent → one line and a skip; absent under CI=true → a failure. */
import { describe, it, expect, vi } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPresent } from './corpus.js';

describe('corpusPresent', () => {
  const missing = join(tmpdir(), 'inboxlint-no-such-corpus');
  it('is true where the folder exists', () => {
    expect(corpusPresent('t', { CI: 'true' }, tmpdir())).toBe(true);
  });
  it('where the folder is absent: one line naming it, and false', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(corpusPresent('my test', {}, missing)).toBe(false);
      expect(corpusPresent('my test', { CI: 'false' }, missing)).toBe(false);
      expect(log).toHaveBeenCalledTimes(2);
      expect(log.mock.calls[0][0]).toBe(`my test: skipped, the corpus folder ${missing} is absent (required only under CI=true)`);
    } finally {
      log.mockRestore();
    }
  });
  it('where the folder is absent under CI=true: throws, so the test file fails', () => {
    expect(() => corpusPresent('my test', { CI: 'true' }, missing)).toThrow(`my test: the corpus folder ${missing} is missing (it is required under CI=true)`);
  });
});
