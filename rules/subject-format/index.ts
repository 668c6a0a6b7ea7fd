import { defineRule } from '../../src/rule.js';
import { documentStartRange } from '../../src/rule-utils.js';

const DOC = '<html lang="en"><head><title>Newsletter</title></head><body><p>Hello</p></body></html>';

// SpamAssassin's subject_is_all_caps() strips these reply/forward prefixes first (HeaderEval.pm).
const REPLY_PREFIX = /^(?:\s*(?:re|fwd|fw|aw|antwort|wg|sv|vb|vs|vl)\s*:\s*)+/i;
const FAKE_REPLY = /^\s*(?:re|fwd?|fw)\s*:/i;

/** SUBJ_ALL_CAPS: ≥10 chars after the prefixes, more than one word, all ASCII letters uppercase. */
function isAllCaps(subject: string): boolean {
  const s = subject.replace(REPLY_PREFIX, '').trim();
  if (s.length < 10 || !/\s/.test(s)) return false;
  const letters = s.replace(/[^a-zA-Z]/g, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** Words of three or more letters written in capitals (acronyms of 2 letters are ignored). */
function capsWords(subject: string): string[] {
  return subject.match(/\b[A-Z][A-Z']{2,}\b/g) ?? [];
}

export default defineRule({
  id: 'subject-format',
  description: 'Subject lines that look like spam: ALL CAPS, runs of !/?/$, and SpamAssassin\'s stock subject patterns.',
  rationale:
    'SpamAssassin\'s stock rules score subjects that are all capitals (SUBJ_ALL_CAPS, 0.5), that mix "!" and "?" (PLING_QUERY, 0.1), that start with a dollar amount (SUBJ_DOLLARS), that start with "buy" (SUBJ_BUY, up to 1.5), ' +
    'say "As Seen" (SUBJ_AS_SEEN, up to 3.1), "Lose … pounds/weight" (SUBJECT_DIET, up to 1.9) or open with "ADV" (ENGLISH_UCE_SUBJECT, up to 2.9). Each adds to the spam score other signals build on. ' +
    'Runs like "!!", "??" and "$$" and several shouting words are not stock rules but read as spam to people. A "Re:"/"Fwd:" prefix on marketing mail fakes a conversation, which CAN-SPAM calls a deceptive subject line.',
  sources: [
    'SpamAssassin stock header rules (SUBJ_ALL_CAPS, punctuation and phrase tests): https://github.com/apache/spamassassin/blob/HEAD/rules/20_head_tests.cf',
    'SpamAssassin HeaderEval plugin (how the subject tests are computed): https://github.com/apache/spamassassin/blob/HEAD/lib/Mail/SpamAssassin/Plugin/HeaderEval.pm',
    'FTC, CAN-SPAM Act compliance guide (subject lines must not be deceptive): https://www.ftc.gov/business-guidance/resources/can-spam-act-compliance-guide-business',
    '15 U.S.C. § 7704: https://www.law.cornell.edu/uscode/text/15/7704',
  ],
  guidance:
    'Write the subject in sentence case, use at most one "!" or "?", no "$$", and lead with the benefit rather than "Buy"/"ADV". Keep "Re:"/"Fwd:" for real replies and forwards.',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: {
    maxCapsWords: {
      type: 'integer',
      default: 2,
      minimum: 0,
      description: 'Most words of 3+ capital letters allowed in a subject that is not all caps (acronyms count).',
    },
  },
  messages: {
    allCaps:
      'Subject is in ALL CAPS ("{{subject}}"): SpamAssassin\'s SUBJ_ALL_CAPS scores it and readers see shouting; write it in sentence case.',
    capsWords:
      'Subject has {{count}} words in capitals ({{words}}); more than {{max}} reads as shouting and spam-like; keep capitals for acronyms.',
    punctuationRun:
      'Subject has "{{run}}": repeated "!"/"?" looks like spam to readers and filters; use at most one.',
    plingQuery:
      'Subject mixes "!" and "?" ("{{subject}}"): SpamAssassin\'s PLING_QUERY scores it; keep one of them.',
    dollarSigns: 'Subject has "{{run}}": runs of dollar signs are a classic spam marker; state the price or saving in words or digits.',
    startsWithDollars:
      'Subject starts with a dollar amount ("{{match}}"): SpamAssassin\'s SUBJ_DOLLARS scores it; lead with what the reader gets.',
    startsWithBuy: 'Subject starts with "{{match}}": SpamAssassin\'s SUBJ_BUY (/^buy/i) scores it up to 1.5; lead with the benefit.',
    asSeen: 'Subject says "{{match}}": SpamAssassin\'s SUBJ_AS_SEEN scores it up to 3.1 points; drop the phrase.',
    diet: 'Subject matches the weight-loss pattern "{{match}}": SpamAssassin\'s SUBJECT_DIET scores it up to 1.9; rephrase.',
    advertisement:
      'Subject opens with "{{match}}": SpamAssassin\'s ENGLISH_UCE_SUBJECT scores it up to 2.9; identify the mail as an ad in the body instead.',
    fakeReply:
      'Marketing subject starts with "{{match}}", implying a reply or forward that did not happen: CAN-SPAM forbids deceptive subject lines and readers lose trust; remove the prefix.',
  },
  examples: {
    valid: [
      { title: 'Sentence case, one exclamation mark', code: DOC, subject: 'Your spring order ships today!' },
      { title: 'Acronyms are fine', code: DOC, subject: 'New in the EU: faster VAT refunds' },
      { title: 'A real reply in transactional mail', code: DOC, subject: 'Re: your support ticket #4412', mailType: 'transactional' },
    ],
    invalid: [
      { title: 'All caps', code: DOC, subject: 'FINAL HOURS TO SAVE BIG', messageId: 'allCaps' },
      { title: 'Too many shouting words', code: DOC, subject: 'HUGE savings on NEW arrivals, FREE shipping', messageId: 'capsWords' },
      { title: 'Repeated exclamation marks', code: DOC, subject: 'Last chance to save!!', messageId: 'punctuationRun' },
      { title: '"!" and "?" mixed', code: DOC, subject: 'Ready for summer? Our sale starts now!', messageId: 'plingQuery' },
      { title: 'Dollar signs', code: DOC, subject: 'Save $$ on every order', messageId: 'dollarSigns' },
      { title: 'Starts with a dollar amount', code: DOC, subject: '$500 off your next trip', messageId: 'startsWithDollars' },
      { title: 'Starts with "Buy"', code: DOC, subject: 'Buy one, get one half price', messageId: 'startsWithBuy' },
      { title: '"As seen on"', code: DOC, subject: 'The blender as seen on TV', messageId: 'asSeen' },
      { title: 'Weight-loss phrasing', code: DOC, subject: 'Lose 10 pounds before summer', messageId: 'diet' },
      { title: '"ADV:" prefix', code: DOC, subject: 'ADV: spring catalogue inside', messageId: 'advertisement' },
      { title: 'A fake reply in marketing mail', code: DOC, subject: 'Re: your spring wardrobe', mailType: 'marketing', messageId: 'fakeReply' },
    ],
  },
  check({ doc, options, report }) {
    const subject = doc.subject;
    if (!subject) return;
    const text = subject.text.trim();
    if (!text) return;
    const range = subject.range ?? documentStartRange(doc);
    const found = (messageId: string, data: Record<string, string | number>) => report({ messageId, data, range, header: subject.header });

    if (isAllCaps(text)) found('allCaps', { subject: text });
    else {
      const words = capsWords(text);
      if (words.length > options.maxCapsWords) found('capsWords', { count: words.length, words: words.join(', '), max: options.maxCapsWords });
    }
    const run = /[!?]{2,}/.exec(text);
    if (run) found('punctuationRun', { run: run[0] });
    else if ((text.includes('?') && text.includes('!'))) found('plingQuery', { subject: text });
    const dollars = /\${2,}/.exec(text);
    if (dollars) found('dollarSigns', { run: dollars[0] });
    const patterns: Array<[string, RegExp | ((t: string) => string | undefined)]> = [
      ['startsWithDollars', /^\$[0-9.,]+\b/],
      ['startsWithBuy', /^buy\w*/i],
      ['asSeen', /\bAs Seen\b(?:\s+on\b)?/i],
      ['diet', dietClaim],
      ['advertisement', /^[^0-9a-z]*adv(?:ert)?\b/i],
    ];
    for (const [id, re] of patterns) {
      const m = typeof re === 'function' ? re(text) : re.exec(text)?.[0];
      if (m) found(id, { match: m.trim() });
    }
    if (doc.mailType === 'marketing') {
      const m = FAKE_REPLY.exec(text);
      if (m) found('fakeReply', { match: m[0].trim() });
    }
  },
});

/**
 * What `/\bLose .*(?:pounds|lbs|weight)/i` matches (from the first "Lose " of a line to the last
 * weight word after it on that line), found in one pass instead of a scan from every "Lose ".
 */
function dietClaim(text: string): string | undefined {
  for (const line of text.split(/[\n\r\u2028\u2029]/)) {
    const lose = /\bLose /i.exec(line);
    if (!lose) continue;
    const rest = line.slice(lose.index + 5);
    let last: RegExpExecArray | undefined;
    for (const m of rest.matchAll(/pounds|lbs|weight/gi)) last = m;
    if (last) return line.slice(lose.index, lose.index + 5 + last.index + last[0].length);
  }
  return undefined;
}
