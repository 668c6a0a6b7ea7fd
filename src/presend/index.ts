/**
 * The pre-send check: what is learnt about a document outside the model before its rules run
 * (the live state of its links, a local spam score, the weight of its images), gathered by one
 * async step (`preparePresend`, called by the Session after loading, like a render's measuring)
 * and read by the rules through `presendFacts(doc)`. Everything that leaves the machine is
 * opt-in: links under `checkLinks`, the spam score under `spam` (SpamAssassin, local, offline).
 * Local image sizes are read from the template's own folder (never outside it).
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { EmailDocument } from '../model/document.js';
import { findMergeTags } from '../model/merge-tags.js';
import { insideFolder } from '../paths.js';
// The link checker (node:http, node:https) and the spam score (node:child_process) load only when asked for.
import type { LinkCheckOptions } from './links.js';
import { messageFor, type MessageHeaders } from './message.js';

export interface PresendOptions {
  /** Check every http(s) link and image URL over the network. */
  checkLinks?: boolean;
  /** Options of the link check (`allowPrivate` only from a flag, never from a config file). */
  links?: LinkCheckOptions;
  /** Score the message with a local SpamAssassin. */
  spam?: boolean;
  /** Headers of the message built around an HTML file for the spam score. */
  headers?: MessageHeaders;
  /** Read the sizes of local images (the image-weight rule is on). */
  imageSizes?: boolean;
}

import { imagesOf, type PresendFacts } from '../model/presend-facts.js';

const isHttp = (u: string) => /^https?:\/\//i.test(u);

/** The URLs of links and images worth checking, and those that are not URLs yet (merge tags). */
export function checkableUrls(doc: EmailDocument): { urls: string[]; skipped: Array<{ url: string; reason: string }> } {
  const urls: string[] = [];
  const skipped: Array<{ url: string; reason: string }> = [];
  const consider = (raw: string) => {
    const u = raw.trim();
    if (!u) return;
    if (findMergeTags(u).length) skipped.push({ url: u, reason: 'holds a merge tag: checked once the ESP fills it in' });
    else if (isHttp(u)) urls.push(u);
  };
  for (const l of doc.links) consider(l.href);
  for (const img of imagesOf(doc)) consider(img.attribs.src ?? '');
  return { urls: [...new Set(urls)], skipped };
}


async function localSize(doc: EmailDocument, src: string): Promise<number | undefined> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || findMergeTags(src).length) return undefined;
  const folder = dirname(resolve(doc.filePath));
  let path: string;
  try {
    path = resolve(folder, decodeURIComponent(src.split(/[?#]/)[0]));
  } catch {
    return undefined;
  }
  if (!insideFolder(folder, path)) return undefined;
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the pre-send checks `options` ask for: `doc` with their facts (`doc.withFacts`), or `doc`
 * itself when there is nothing to say (no check asked, no image whose size is known).
 */
export async function preparePresend(doc: EmailDocument, options: PresendOptions): Promise<EmailDocument> {
  if (!options.checkLinks && !options.spam && !options.imageSizes) return doc;
  const facts: PresendFacts = {};
  const jobs: Array<Promise<void>> = [];
  if (options.checkLinks) {
    const { urls, skipped } = checkableUrls(doc);
    facts.linksSkipped = skipped;
    jobs.push(import('./links.js').then(({ checkLinks }) => checkLinks(urls, options.links)).then((status) => void (facts.links = Object.fromEntries(status))));
  }
  if (options.spam) {
    const raw = doc.kind === 'eml' ? doc.facts.eml?.raw : undefined;
    const message = raw ?? messageFor(doc, options.headers);
    jobs.push(import('./spam.js').then(({ spamScore }) => spamScore(message)).then((r) => void (facts.spam = r)));
  }
  await Promise.all(jobs);
  if (options.imageSizes || options.checkLinks) {
    const bytes: Record<string, number> = {};
    for (const el of imagesOf(doc)) {
      const src = (el.attribs.src ?? '').trim();
      const n = (await localSize(doc, src)) ?? facts.links?.[src]?.bytes;
      if (n !== undefined) bytes[src] = n;
    }
    facts.imageBytes = bytes;
  }
  // image-weight reads no sizes as none known: an empty answer needs no new document.
  if (!options.checkLinks && !options.spam && !Object.keys(facts.imageBytes ?? {}).length) return doc;
  return doc.withFacts({ presend: facts });
}
