/**
 * `inboxlint track` over every .html template of the shared corpus: bytes outside the changed
 * href values stay identical, tracking twice == once, no merge tag is altered, no mailto:/tel:/#
 * link changes, every VML href is tracked like its <a> twin. Prints the counts. The corpus
 * lives outside the repo (../shared/corpus); skipped only where it is absent and not in CI.
 */
import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { track } from '../src/rewrite/track.js';
import { checkRewrite } from '../src/rewrite/verify.js';
import { documentFromText } from '../src/input/index.js';
import { findMergeTags } from '../src/model/merge-tags.js';
import { InputError } from '../src/errors.js';
import { CORPUS_DIR as corpus, corpusPresent } from './corpus.js';

const present = corpusPresent('track-corpus');

const OPTIONS = { campaign: 'spring-sale', source: 'newsletter', params: ['ref={{ subscriber.id }}'] };

/**
 * Runs the checks over the corpus. `fill` rewrites the input first: the corpus's VML buttons all
 * point at placeholders (`#`, `http://`), which are skipped, so a second pass fills placeholders
 * with a real URL to exercise twin tracking on real Outlook markup.
 */
async function runCorpus(label: string, fill?: (text: string) => string) {
    const files = (await glob('**/*.html', { cwd: corpus, absolute: true })).sort();
    expect(files.length).toBeGreaterThanOrEqual(400);
    const counts = { files: 0, emptyFiles: 0, refusedBinary: 0, changedFiles: 0, links: 0, tracked: 0, changed: 0, alreadyTracked: 0, vmlLinks: 0, vmlTwins: 0, vmlTwinsTracked: 0, mergeTagsInLinks: 0 };
    const reasons = new Map<string, number>();
    const failures: string[] = [];
    for (const file of files) {
      const rel = file.slice(corpus.length + 1);
      let r;
      try {
        r = fill ? await track({ text: fill((await readFile(file)).toString('utf8')), filePath: file }, OPTIONS) : await track(file, OPTIONS);
      } catch (err) {
        const msg = (err as Error).message;
        if (msg === 'file is empty') {
          counts.emptyFiles++;
          continue;
        }
        if (!(err instanceof InputError) || !/binary/.test(msg)) {
          failures.push(`${rel}: threw ${msg}`);
          continue;
        }
        // Refused as binary (a NUL byte), as `lint` refuses it; still check the rewrite of its text.
        counts.refusedBinary++;
        r = await track({ text: (await readFile(file)).toString('utf8'), filePath: file }, OPTIONS);
      }
      counts.files++;
      if (r.changed) counts.changedFiles++;
      const input = fill ? fill((await readFile(file)).toString('utf8')) : (await readFile(file)).toString(r.encoding);
      const doc = await documentFromText(file, input);
      const check = checkRewrite(doc, r.output);
      for (const d of check.damage) failures.push(`${rel}:${d.line}: ${d.kind}: ${d.detail}`);
      // No merge tag altered anywhere: the original tags all survive, in order.
      const before = findMergeTags(doc.text).map((t) => t.text);
      const after = findMergeTags(r.output).map((t) => t.text).filter((t) => t !== '{{ subscriber.id }}');
      if (before.join('\u0000') !== after.join('\u0000')) failures.push(`${rel}: merge tags differ after tracking`);
      // Idempotence.
      const again = await track({ text: r.output, filePath: file }, OPTIONS);
      if (again.output !== r.output) failures.push(`${rel}: a second run changed the output`);
      for (const e of r.manifest) {
        counts.links++;
        counts.mergeTagsInLinks += findMergeTags(e.original).length;
        if (e.vml) counts.vmlLinks++;
        if (e.skipReason) reasons.set(e.skipReason, (reasons.get(e.skipReason) ?? 0) + 1);
        else {
          counts.tracked++;
          if (e.changed) counts.changed++;
          else counts.alreadyTracked++;
        }
        if (e.vml && e.twin !== null) {
          counts.vmlTwins++;
          const twin = r.manifest.find((x) => x.index === e.twin)!;
          if (e.tracked !== null) counts.vmlTwinsTracked++;
          if (e.tracked !== twin.tracked || e.skipReason !== twin.skipReason) failures.push(`${rel}: VML link ${e.index} not tracked like its twin ${twin.index}`);
        }
      }
    }
    const sorted = [...reasons.entries()].sort((a, b) => b[1] - a[1]);
    console.log(
      `track corpus (${label}): ${counts.files} files (${counts.emptyFiles} empty skipped, ${counts.refusedBinary} refused by the file API as binary and tracked as text), ${counts.changedFiles} changed; ` +
        `${counts.links} links: ${counts.tracked} tracked (${counts.changed} rewritten, ${counts.alreadyTracked} already tracked), ` +
        `${counts.links - counts.tracked} skipped; VML links ${counts.vmlLinks}, VML twins ${counts.vmlTwins} (${counts.vmlTwinsTracked} tracked like their <a>); ` +
        `merge tags in hrefs ${counts.mergeTagsInLinks}\n  skipped by reason: ${sorted.map(([k, n]) => `${k} ${n}`).join(', ')}\n` +
        `  byte preservation, idempotence, merge tags, mailto/tel/#, VML twins: ${failures.length} failure(s)`,
    );
    return { counts, failures };
}

describe.runIf(present)('corpus: track every .html template', () => {
  it('preserves bytes, is idempotent, keeps merge tags and VML twins', { timeout: 300_000 }, async () => {
    const { failures } = await runCorpus('as is');
    expect(failures.slice(0, 30)).toEqual([]);
  });
  it('with placeholder hrefs filled in, tracks every VML button like its <a>', { timeout: 300_000 }, async () => {
    const { counts, failures } = await runCorpus('placeholders filled', (t) => t.replace(/href=(["'])(?:#|https?:\/\/|)\1/gi, 'href=$1https://example.com/landing$1'));
    expect(failures.slice(0, 30)).toEqual([]);
    expect(counts.vmlTwinsTracked).toBeGreaterThan(0);
  });
});
