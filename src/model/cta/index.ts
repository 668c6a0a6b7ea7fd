/**
 * Calls to action: which links an email developer would call the email's buttons. This folder is
 * the ONE answer to "CTA or not": `doc.ctas` and `doc.ctaVerdict(link)` (the CTA a link is, or
 * the reason it is not) read the result of one scan (detect.ts), kept on the document; inspect,
 * track and the rules read it and decide nothing of their own.
 *
 *   detect.ts      the scan: every link once, in the order below → CTAs and a verdict per link
 *   verdict.ts     the reasons a link is not a CTA, and step 1 (schemes and roles)
 *   button.ts      steps 3–4: `buttonStyle()`, THE "is it a button" answer; navigation rows
 *   image.ts       step 5: does a linked image read as a button or banner
 *   text-links.ts  steps 6–7: a card's text link, the lone prominent link; the masthead brand link
 *   scales.ts      step 8: rating and NPS scales
 *   primary.ts     prominence and the primary CTA
 *   language.ts    label words (vague labels, action verbs, bare URLs, ALL CAPS) for the rules
 *   dom.ts         the tree questions the steps ask (containers, text nodes, the line of a link)
 *   types.ts       the `Cta` record
 *
 * How a link becomes a CTA (checked in this order, first match wins):
 *  1. Never: `mailto:`/`tel:`/`sms:`/`javascript:`/`data:`/`cid:`/`callto:`/`facetime:`/`skype:`
 *     links, unsubscribe / preferences / view-online links (links.ts roles), hidden links, links
 *     with no label and no image.
 *  2. `vml-button`: a VML shape (`v:roundrect`, `v:rect`, …) with an `href` inside
 *     `<!--[if mso]>`, paired with its HTML twin as ONE CTA (the pairing is vml.ts's).
 *     A VML button without a twin is a CTA on its own.
 *  3. `button` (table button): the `<a>` is the only link of its nearest `<td>`, the cell holds no
 *     other text, and the cell paints a fill of its own (`bgcolor`/`background` that differs
 *     from what is behind it), or has a border and padding, or a button class. `element` is the `<td>`.
 *  4. `button` (styled link): the `<a>` paints a fill that differs from its surroundings, or has a
 *     visible border with padding (or a thick border, Postmark's "border-based" button), or is
 *     `display:inline-block|block` with padding, or carries a `btn`/`button`/`cta` class. Links in
 *     a navigation row (3+ short links together) only count when they paint a fill.
 *  5. `image`: the `<a>` holds only images and the image reads as a button or banner. Decided by
 *     destination and context: button artwork (alt, file name or class says btn/button/cta/
 *     banner) is always a CTA; otherwise a linked image is a CTA only when it looks like one
 *     (hero/shop/download/play… in its words, or large: ≥ 400 × 40 px) AND no live-text link
 *     reaches its destination — anywhere in the email for a real URL or merge tag, within its own
 *     card for a placeholder (`#`). A hero or product photo linked where a button or title link
 *     also goes is a bigger hit area for that action, not a CTA (its alt text is no CTA label).
 *     Logos, icons (< 60 px), social icons, tracking pixels and galleries are never CTAs, and a
 *     second image link to the same destination in the same card (a play button) is no new CTA.
 *  6. `text` (cards): a text link that reads as an action of its own (`standsAlone`: alone on its
 *     line between `<br>`s or blocks, or a bold lead-in before a dash and its explanation, or an
 *     arrow link closing a paragraph after a finished sentence) inside a
 *     card — a small container (≤ 700 characters) that also holds an image, a heading or a
 *     sentence of copy — is that card's CTA: "Read more" under each post of a digest, the title
 *     link of a product or album card. Not the masthead, navigation, link lists, footer, social,
 *     same-page anchors or URL fallbacks; small print only when the card has an image or heading.
 *     In a long column, a headline link (≥ 18 px) followed by its summary block is a story's CTA.
 *  7. `text` — the lone prominent text link: ONLY when steps 2–6 found nothing, and the email is
 *     short (< 3,000 visible characters), a text link that stands alone on its line (its block
 *     holds no other text), is not navigation, not social, not in the footer (small print,
 *     © / address / legal text around it), not a copy-paste URL fallback, and is the ONLY such
 *     link, is the email's CTA (a preference or unsubscribe link sharing its line after "or"
 *     does not count against it). Two or more such links: no text CTA (we do not guess). A link
 *     inside a sentence (a highlighted word) is never a CTA.
 *
 * The primary CTA: the first CTA in document order among the most prominent kind present, with
 * prominence ranked (a) filled buttons (VML buttons, filled `<td>`/`<a>`), (b) other button-style
 * CTAs (outline, padding-only, class-only), (c) image banners, (d) the lone text link. So an
 * image banner is primary only when the email has no button, and an outline "secondary" button
 * never outranks a filled one that follows it.
 */

export type { Cta, CtaKind, MicroConversion } from './types.js';
export type { CtaVerdict, NotCtaReason } from './verdict.js';
export { findCtas, type CtaModel } from './detect.js';
export { buttonStyle } from './button.js';
export { isButtonStyle } from './primary.js';
