/** Emails the CLI tests lint: one clean, and variants with exactly one finding each; and their temp projects. */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temp projects for one test file: returns `project(files)`, a fresh subfolder of a temp dir
 * (made before the file's tests, removed after them) holding the given files.
 */
export function tempProjects(prefix: string): (files: Record<string, string | Buffer>) => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return (files) => {
    const root = mkdtempSync(join(dir, 'p-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), content);
    }
    return root;
  };
}

/** An email that passes every recommended rule. */
export const CLEAN = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spring sale: 20% off linen</title></head>
<body>
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">Our lightest shirts and jackets are back, in six new colours for the warm days ahead.</div>
<table role="presentation" width="600" style="width:100%;max-width:600px"><tr><td>
<p>Hello there, the spring collection is here.</p>
<a href="https://shop.example/spring">Shop the spring collection</a>
<p><a href="https://shop.example/unsubscribe">Unsubscribe</a></p>
</td></tr></table>
</body></html>
`;
/** One error: an image without alt (img-alt). */
export const WITH_ERROR = CLEAN.replace('<p>Hello there', '<img src="https://shop.example/hero.png" width="600" height="300">\n<p>Hello there');
/** One warning: an http:// link (link-insecure). */
export const WITH_WARNING = CLEAN.replace('https://shop.example/spring', 'http://shop.example/spring');
/** A subject (from <title>) over 50 characters (subject-length warning). */
export const LONG_TITLE = CLEAN.replace('Spring sale: 20% off linen', 'Spring sale: twenty percent off every linen shirt and jacket this week only');
