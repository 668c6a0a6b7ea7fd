/**
 * Template languages: the ESPs' and engines' merge tags, one registry (TEMPLATE_LANGUAGES).
 *
 * A merge tag must never be encoded, split or reordered by anything inboxlint writes, and an
 * href that is wholly a merge tag is not a URL we can reason about (a link to somewhere
 * unknown, not a broken one). Each tag found says what it does (`kind`: an output the ESP
 * replaces, template logic that renders nothing, or a link the ESP writes), the ESPs whose
 * syntax it is (`esps`, most specific first) and, for the ESP's own unsubscribe, preference and
 * web-version tags, the link role it plays. `findTemplateTags(text)` is the API a pre-send
 * check uses to find unrendered tags. Syntaxes from ../shared/reference/email-guidance.md §8.3
 * and each entry's `docs`.
 */
import type { Range } from './location.js';

export type MergeTagSyntax =
  | 'braze' // {{${x}}}  Braze Liquid attribute
  | 'triple-brace' // {{{x}}}  Handlebars raw / Postmark
  | 'double-brace' // {{x}}    Handlebars, Mustache, Liquid output, Go templates, Jinja, HubL
  | 'brace-percent' // {% x %}  Liquid / Jinja / Django / HubL tags
  | 'mailchimp' // *|X|*
  | 'ampscript-block' // %%[ … ]%%  Salesforce Marketing Cloud AMPscript block
  | 'ampscript-inline' // %%=x=%% Salesforce Marketing Cloud AMPscript
  | 'double-percent' // %%x%%   SFMC personalization strings
  | 'angle-percent' // <% x %>  ERB / EJS / SendGrid legacy
  | 'mailgun' // %recipient.x%
  | 'single-percent' // %unsubscribe_url% (Mailgun), %UNSUBSCRIBELINK% (ActiveCampaign)
  | 'dash' // -firstName-  SendGrid legacy substitution tag (after `=` or at the start of a value)
  | 'bracket' // [unsubscribe]  Campaign Monitor / SendGrid style
  | 'single-brace' // {name}   simple placeholders
  | 'dollar-brace' // ${x}     Velocity / FreeMarker / JS templates
  | 'smarty' // {$x}     Smarty (CiviCRM, PrestaShop, WHMCS): https://www.smarty.net/docs/en/language.variables.tpl
  | 'freemarker' // <#if x> </#if> <#list xs as x>  FreeMarker directives: https://freemarker.apache.org/docs/ref_directives.html
  | 'bang-brace' // {!x!}  forkbb raw output (https://github.com/forkbb/forkbb/blob/master/app/Core/Mail.php), {!! x !!} Laravel Blade unescaped output (https://laravel.com/docs/blade#displaying-unescaped-data)
  | 'hash-brace'; // #{x}    Ruby string interpolation (Zammad mail templates), Pug: https://docs.ruby-lang.org/en/master/syntax/literals_rdoc.html

/** What a tag does when the ESP renders the email. */
export type TagKind =
  | 'output' // replaced by a value (a name, a URL)
  | 'logic'; // control flow, assignments, comments: renders no text of its own

export type TagRole = 'unsubscribe' | 'preferences' | 'view-online';

export type EspId =
  | 'mailchimp'
  | 'klaviyo'
  | 'shopify'
  | 'hubspot'
  | 'sfmc'
  | 'braze'
  | 'iterable'
  | 'sendgrid'
  | 'mailgun'
  | 'postmark'
  | 'campaign-monitor'
  | 'activecampaign'
  | 'customerio'
  | 'marketo'
  | 'brevo'
  | 'mautic';

export interface MergeTag {
  syntax: MergeTagSyntax;
  /** Offsets relative to the scanned string. */
  range: Range;
  text: string;
  kind: TagKind;
  /** ESPs whose documented syntax this is, the ones whose own names it uses first; empty for generic engines only. */
  esps: EspId[];
  /** The link this tag stands for, when it is an ESP's unsubscribe, preference or web-version tag. */
  role: TagRole | null;
  /**
   * An ESP system tag: a link or block the ESP writes itself (forward to a friend, archive,
   * profile centre, footer, redirect and tracking helpers), not a destination of the sender's.
   */
  system: boolean;
}

export interface TemplateLanguage {
  id: EspId;
  name: string;
  /** Where the syntax is documented. */
  docs: string[];
  syntaxes: readonly MergeTagSyntax[];
  /** Tags only this ESP writes (its own names or objects). */
  own?: RegExp;
  unsubscribe?: RegExp;
  preferences?: RegExp;
  viewOnline?: RegExp;
  /** Its system tags (see MergeTag.system); matched in a tag of any syntax, as templates copy them between engines. */
  system?: RegExp;
  /** Elements the ESP replaces with a link when it sends (Campaign Monitor `<unsubscribe>`). */
  elements?: Readonly<Record<string, TagRole>>;
  /** Attributes its editor reads and strips (Mailchimp `mc:edit`). */
  attributes?: RegExp;
}

const HANDLEBARS: readonly MergeTagSyntax[] = ['double-brace', 'triple-brace'];
const LIQUID: readonly MergeTagSyntax[] = ['double-brace', 'brace-percent'];

/** The registry: one entry per ESP, each with its documented syntax (tested in test/model-merge-tags.test.ts). */
export const TEMPLATE_LANGUAGES: readonly TemplateLanguage[] = [
  {
    id: 'mailchimp',
    name: 'Mailchimp merge tags and template language',
    docs: ['https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/', 'https://templates.mailchimp.com/getting-started/template-language/', 'http://kb.mailchimp.com/tag/unsubscribe'],
    syntaxes: ['mailchimp'],
    own: /^\*\|/,
    unsubscribe: /^\*\|UNSUB\|\*$/i,
    preferences: /^\*\|UPDATE_PROFILE\|\*$/i,
    viewOnline: /^\*\|ARCHIVE\|\*$/i,
    system: /forward|archive/i, // *|FORWARD|*, *|ARCHIVE|*, *|ARCHIVE_LINK_SHORT|*
    attributes: /^mc:(edit|repeatable|hideable|variant|label|allowdesigner|allowtext)$/i,
  },
  {
    id: 'klaviyo',
    name: 'Klaviyo template tags (Django-style)',
    docs: ['https://help.klaviyo.com/hc/en-us/articles/115005078267'],
    syntaxes: LIQUID,
    own: /^\{%-?\s*(unsubscribe|unsubscribe_link|unsubscribe_url|manage_preferences|manage_preferences_link|web_view|web_view_link)\b|^\{\{\s*(person|organization)\./,
    unsubscribe: /^\{%-?\s*unsubscribe(_link|_url)?\b/,
    preferences: /^\{%-?\s*manage_preferences(_link)?\b/,
    viewOnline: /^\{%-?\s*web_view(_link)?\b/,
    system: /manage_preferences/i,
  },
  {
    id: 'shopify',
    name: 'Shopify Liquid',
    docs: ['https://shopify.dev/docs/api/liquid'],
    syntaxes: LIQUID,
    own: /^\{\{-?\s*(shop|order|checkout|line_item|fulfillment)\.|\|\s*(money|money_with_currency|img_url|image_url|asset_url)\b/,
  },
  {
    id: 'hubspot',
    name: 'HubSpot HubL',
    docs: ['https://developers.hubspot.com/docs/cms/hubl', 'https://knowledge.hubspot.com/articles/kcs_article/email/what-is-the-difference-between-the-two-unsubscribe-links-at-the-bottom-of-an-email'],
    syntaxes: LIQUID,
    own: /^\{\{\s*(contact|company|site_settings|unsubscribe_link|unsubscribe_link_all|subscription_name|view_as_page_url)\b|^\{%-?\s*(module|dnd_area|dnd_section|dnd_column|dnd_row|dnd_module|widget_block|require_css)\b/,
    unsubscribe: /^\{\{\s*unsubscribe_link(_all)?\s*\}\}$/,
    viewOnline: /^\{\{\s*view_as_page_url\s*\}\}$/,
  },
  {
    id: 'sfmc',
    name: 'Salesforce Marketing Cloud AMPscript and personalization strings',
    docs: ['https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/guide/ampscript-syntax-guide.html', 'https://help.salesforce.com/s/articleView?id=sf.mc_es_available_personalization_strings.htm'],
    syntaxes: ['ampscript-block', 'ampscript-inline', 'double-percent'],
    own: /^%%/,
    unsubscribe: /^%%(unsub_center_url|unsub_url)%%$|^%%=\s*RedirectTo\(\s*@?unsub/i,
    preferences: /^%%(profile_center_url|subscription_center_url)%%$/i,
    viewOnline: /^%%view_email_url%%$/i,
    system: /profile_center|subscription_center|redirectto|%%=\s*(?:cloudpagesurl|microsites?url)/i,
  },
  {
    id: 'braze',
    name: 'Braze Liquid',
    docs: ['https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid', 'https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content'],
    syntaxes: ['braze', 'double-brace', 'brace-percent'],
    own: /\$\{|^\{%-?\s*(connected_content|abort_message|content_blocks|catalog_items)\b/,
    unsubscribe: /\$\{\s*(set_user_to_unsubscribed_url|unsubscribe_url)\s*\}/,
    preferences: /\$\{\s*preference_center_url\s*\}|preference_center\.\$\{/,
  },
  {
    id: 'iterable',
    name: 'Iterable Handlebars',
    docs: ['https://support.iterable.com/hc/en-us/articles/206514205-Universal-Merge-Parameters', 'https://support.iterable.com/hc/en-us/articles/205480365-Personalizing-Templates-with-Handlebars'],
    syntaxes: HANDLEBARS,
    own: /^\{\{\{?\s*(unsubscribeUrl|unsubscribeMessageTypeUrl|hostedUnsubscribeUrl|viewInBrowserUrl)\s*\}/,
    unsubscribe: /^\{\{\{?\s*(unsubscribeUrl|unsubscribeMessageTypeUrl|hostedUnsubscribeUrl)\s*\}/,
    viewOnline: /^\{\{\{?\s*viewInBrowserUrl\s*\}/,
  },
  {
    id: 'sendgrid',
    name: 'SendGrid dynamic templates (Handlebars) and legacy substitution tags',
    docs: ['https://www.twilio.com/docs/sendgrid/for-developers/sending-email/using-handlebars', 'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/substitution-tags'],
    syntaxes: ['double-brace', 'triple-brace', 'angle-percent', 'dash', 'bracket'],
    own: /^<%\s*asm_|^\{\{\{?\s*(unsubscribe|unsubscribe_preferences)\s*\}|^\[(Unsubscribe|Unsubscribe_Preferences|Weblink|Sender_\w+)\]$/,
    unsubscribe: /^<%\s*asm_(group_)?unsubscribe_(raw_)?url\s*%>$|^\{\{\{?\s*unsubscribe\s*\}|^\[Unsubscribe\]$/i,
    preferences: /^<%\s*asm_preferences_(raw_)?url\s*%>$|^\{\{\{?\s*unsubscribe_preferences\s*\}|^\[Unsubscribe_Preferences\]$/i,
    viewOnline: /^\[Weblink\]$/i,
    system: /\bsender_|clicktracking/i, // [Sender_Name], [Sender_Address]
  },
  {
    id: 'mailgun',
    name: 'Mailgun recipient variables and templates',
    docs: ['https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/batch-sending', 'https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/'],
    syntaxes: ['mailgun', 'single-percent', 'double-brace'],
    own: /^%(recipient\b|unsubscribe_url%|tag_unsubscribe_url%|mailing_list_unsubscribe_url%)/,
    unsubscribe: /^%(unsubscribe_url|tag_unsubscribe_url|mailing_list_unsubscribe_url)%$/,
  },
  {
    id: 'postmark',
    name: 'Postmark Mustachio templates',
    docs: ['https://postmarkapp.com/support/article/1077-template-syntax', 'https://postmarkapp.com/support/article/1208-how-to-add-an-unsubscribe-link'],
    syntaxes: HANDLEBARS,
    own: /^\{\{\{?\s*pm:/,
    unsubscribe: /^\{\{\{?\s*pm:unsubscribe\b/,
  },
  {
    id: 'campaign-monitor',
    name: 'Campaign Monitor template tags',
    docs: ['https://www.campaignmonitor.com/create/tags/', 'https://github.com/webguyio/generic-email'],
    syntaxes: ['bracket'],
    own: /^\[(unsubscribe|webversion|preferences|forwardtoafriend|firstname|lastname|fullname|email)\b/i,
    unsubscribe: /^\[unsubscribe\]$/i,
    preferences: /^\[preferences\]$/i,
    viewOnline: /^\[webversion\]$/i,
    system: /webversion|forward/i, // [webversion], [forwardtoafriend]
    elements: { unsubscribe: 'unsubscribe', preferences: 'preferences', webversion: 'view-online' },
  },
  {
    id: 'activecampaign',
    name: 'ActiveCampaign personalization tags',
    docs: ['https://help.activecampaign.com/hc/en-us/articles/220358207-Personalization-tags', 'https://activepedia.com/index.php?title=Unsubscribe_Link'],
    syntaxes: ['single-percent'],
    own: /^%[A-Z][A-Z0-9_-]+%$/,
    unsubscribe: /^%UNSUBSCRIBELINK%$/,
  },
  {
    id: 'customerio',
    name: 'Customer.io Liquid',
    docs: ['https://docs.customer.io/liquid-tag-list/', 'https://customer.io/docs/journeys/unsubscribes/'],
    syntaxes: LIQUID,
    own: /^\{\{-?\s*(customer|event|trigger)\.|^\{%-?\s*(cio_link|unsubscribe_url|manage_subscription_preferences_url|view_in_browser_url)\b/,
    unsubscribe: /^\{%-?\s*unsubscribe_url\b/,
    preferences: /^\{%-?\s*manage_subscription_preferences_url\b/,
    viewOnline: /^\{%-?\s*view_in_browser_url\b/,
    system: /cio_link/i,
  },
  {
    id: 'marketo',
    name: 'Marketo tokens',
    docs: ['https://experienceleague.adobe.com/docs/marketo/using/product-docs/demand-generation/landing-pages/personalizing-landing-pages/tokens-overview.html', 'https://experienceleague.adobe.com/docs/marketo/using/product-docs/core-marketo-concepts/programs/tokens/understanding-my-tokens-in-a-program.html'],
    syntaxes: ['double-brace'],
    own: /^\{\{\s*(my|lead|company|system|campaign|program|trigger|member|sfdc)\.[^}]*\}\}$/i,
  },
  {
    id: 'brevo',
    name: 'Brevo template language',
    docs: ['https://help.brevo.com/hc/en-us/articles/4402386448530-Customize-your-emails-using-transactional-parameters'],
    syntaxes: LIQUID,
    own: /^\{\{\s*(params|contact)\.|^\{\{\s*(unsubscribe|update_profile|mirror)\s*\}\}$/,
    unsubscribe: /^\{\{\s*unsubscribe\s*\}\}$/,
    preferences: /^\{\{\s*update_profile\s*\}\}$/,
    viewOnline: /^\{\{\s*mirror\s*\}\}$/,
  },
  {
    // `{unsubscribe_text}` / `{webview_text}` print a whole link (its text from the translation
    // files); `{unsubscribe_url}` / `{webview_url}` its URL only.
    id: 'mautic',
    name: 'Mautic email tokens',
    docs: ['https://docs.mautic.org/en/5.x/channels/emails.html', 'https://github.com/mautic/mautic/blob/5.x/app/bundles/PageBundle/Event/UntrackableUrlsEvent.php'],
    syntaxes: ['single-brace'],
    own: /^\{(?:(?:unsubscribe|webview)_(?:text|url)|tracking_pixel|signature)\}$/,
    unsubscribe: /^\{unsubscribe_(text|url)\}$/,
    viewOnline: /^\{webview_(text|url)\}$/,
  },
];

// Ordered by precedence: longer delimiters first so {{{x}}} is not read as {{x}}.
// Bounded lengths keep pathological inputs linear.
const PATTERNS: Array<[MergeTagSyntax, RegExp]> = [
  ['braze', /\{\{[^{}]{0,100}\$\{[^{}]{1,200}\}[^{}]{0,100}\}\}/y],
  ['triple-brace', /\{\{\{[^{}]{1,200}?\}\}\}/y],
  ['double-brace', /\{\{[^{}]{1,400}?\}\}/y],
  ['brace-percent', /\{%[^]{1,400}?%\}/y],
  ['mailchimp', /\*\|(?:(?:ELSE)?IF(?:NOT)?|INTERESTED):[^|*\n]{1,100}?\|\*|\*\|[^|*\s]{1,100}?\|\*/y],
  ['ampscript-inline', /%%=[^]{1,400}?=%%/y],
  ['double-percent', /%%[A-Za-z_][\w.\-:]{0,100}%%/y],
  ['angle-percent', /<%[^]{1,400}?%>/y],
  ['freemarker', /<\/?#[A-Za-z][^<>]{0,400}>/y],
  ['mailgun', /%recipient(?:\.[\w.\-]{1,100})?%/y],
  // Not a run of percent-encoded bytes (`%C3%A9t%C3%A9`): a name opening with two hex digits must not be followed by another escape.
  ['single-percent', /%(?![0-9A-Fa-f]{2}[\w.\-]*%[0-9A-Fa-f]{2})[A-Za-z_][\w.\-]{2,100}%/y],
  ['dollar-brace', /\$\{[^{}\s]{1,200}\}/y],
  ['bang-brace', /\{!!?[^{}!][^{}]{0,200}?!!?\}/y],
  ['smarty', /\{\$[A-Za-z_][^{}\n]{0,200}\}/y],
  ['hash-brace', /#\{[A-Za-z_][^{}\s]{0,200}\}/y],
  ['bracket', /\[[A-Za-z][\w\-:.]{0,60}\]/y],
  ['single-brace', /\{[A-Za-z_][\w.\-]{0,60}\}/y],
];
/** SendGrid's `-name-`: only where a value starts (after `=` or at the very start), closed before `&`, `#`, a quote or the end. */
const DASH = /-[A-Za-z_][\w]{0,60}-(?=$|[&#"'\s])/y;

/** The patterns that can match at a character, by its code (each pattern opens with one character), in PATTERNS' order. */
const PATTERNS_AT: Array<Array<[MergeTagSyntax, RegExp]> | undefined> = [];
for (const entry of PATTERNS) {
  const code = entry[1].source.replace(/^\\/, '').charCodeAt(0);
  (PATTERNS_AT[code] ??= []).push(entry);
}
const DASH_CODE = 45; // '-'
const PERCENT_CODE = 37; // '%'


/** Logic: Liquid/Jinja/HubL control tags, Handlebars blocks and comments, AMPscript blocks, ERB control, Mailchimp conditionals. */
const LOGIC_TAG =
  /^\{%-?\s*(if|elsif|elif|else|endif|unless|endunless|for|endfor|case|when|endcase|assign|capture|endcapture|comment|endcomment|raw|endraw|set|endset|macro|endmacro|block|endblock|extends|import|from|with|endwith|connected_content|abort_message|liquid|increment|decrement|break|continue|tablerow|endtablerow|catalog_items|require_css|endrequire_css)\b|^\{\{~?\s*[#/^!]|^\{\{~?\s*else\b|^%%\[|^<%\s*(#|if\b|else\b|elsif\b|end\b|for\b|unless\b|while\b|case\b|when\b)|^\*\|(?:(?:ELSE)?IF(?:NOT)?|ELSE|END|INTERESTED):|^<\/?#/;

const ROLE_OF: Array<[TagRole, 'unsubscribe' | 'preferences' | 'viewOnline']> = [
  ['unsubscribe', 'unsubscribe'],
  ['preferences', 'preferences'],
  ['view-online', 'viewOnline'],
];

/** What a tag's text says (kind, ESPs, role), computed once per distinct tag: templates repeat their tags. */
const described = new Map<string, Pick<MergeTag, 'kind' | 'esps' | 'role' | 'system'>>();

function describe(syntax: MergeTagSyntax, text: string, start: number): MergeTag {
  const key = `${syntax}\u0000${text}`;
  let d = described.get(key);
  if (!d) {
    d = classifyTag(syntax, text);
    if (described.size > 10_000) described.clear();
    described.set(key, d);
  }
  return { syntax, range: { start, end: start + text.length }, text, kind: d.kind, esps: [...d.esps], role: d.role, system: d.system };
}

/** System tag names of no one ESP in the registry (in-house and smaller ESPs' templates): web version, footer, tracking. */
const SYSTEM_NAMES = /web_version|view_?online|email_footer|list_address|trackingimage|opencounter/i;

/** True when a tag's text is a system tag of any ESP in the registry (or a generic system name). */
function isSystemTag(text: string): boolean {
  return SYSTEM_NAMES.test(text) || TEMPLATE_LANGUAGES.some((l) => l.system?.test(text));
}

function classifyTag(syntax: MergeTagSyntax, text: string): Pick<MergeTag, 'kind' | 'esps' | 'role' | 'system'> {
  const candidates = TEMPLATE_LANGUAGES.filter((l) => l.syntaxes.includes(syntax));
  const owners = candidates.filter((l) => l.own?.test(text));
  const esps = [...owners, ...candidates.filter((l) => !owners.includes(l))].map((l) => l.id);
  let role: TagRole | null = null;
  for (const [r, key] of ROLE_OF) {
    if (candidates.some((l) => l[key]?.test(text))) {
      role = r;
      break;
    }
  }
  return { kind: LOGIC_TAG.test(text) ? 'logic' : 'output', esps, role, system: isSystemTag(text) };
}

/** Every merge tag in `text`, left to right, non-overlapping. Linear time. */
export function findMergeTags(text: string): MergeTag[] {
  const tags: MergeTag[] = [];
  let ampscriptUnclosed = false; // `]%%` not found once is not found later either
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === DASH_CODE) {
      if (i > 0 && text.charCodeAt(i - 1) !== 61 /* = */) continue;
      DASH.lastIndex = i;
      const m = DASH.exec(text);
      if (m) {
        tags.push(describe('dash', m[0], i));
        i += m[0].length - 1;
      }
      continue;
    }
    const patterns = PATTERNS_AT[code];
    if (!patterns) continue;
    if (code === PERCENT_CODE && text.startsWith('%%[', i) && !ampscriptUnclosed) {
      const close = text.indexOf(']%%', i + 3);
      if (close < 0) ampscriptUnclosed = true;
      else {
        tags.push(describe('ampscript-block', text.slice(i, close + 3), i));
        i = close + 2;
        continue;
      }
    }
    for (const [syntax, re] of patterns) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        tags.push(describe(syntax, m[0], i));
        i += m[0].length - 1;
        break;
      }
    }
  }
  return tags;
}

/**
 * The API for finding unrendered template tags in text (a subject, a rendered proof, a
 * template): each with its range, syntax, what it does and the ESPs it belongs to.
 */
export function findTemplateTags(text: string): MergeTag[] {
  return findMergeTags(text);
}

/** True when the whole value (trimmed) is one merge tag, e.g. `{{action_url}}`. */
export function isWhollyMergeTag(value: string): boolean {
  const t = value.trim();
  if (!t) return false;
  const tags = findMergeTags(t);
  return tags.length === 1 && tags[0].range.start === 0 && tags[0].range.end === t.length;
}

/**
 * True when `value` (an attribute value at `offset` in `text`) is a `%name` placeholder of the
 * Magento `{{trans}}` directive around it, which fills it from the directive's own parameter:
 * `{{trans 'Click <a href="%reset_url">here</a>' reset_url="$this.getUrl(…)"}}`
 * (https://developer.adobe.com/commerce/frontend-core/guide/templates/email/). A link to
 * somewhere known only at send time, like any template tag in an href.
 */
export function isDirectivePlaceholder(text: string, offset: number, value: string): boolean {
  const name = /^%([A-Za-z_]\w{0,60})$/.exec(value.trim())?.[1];
  if (!name) return false;
  const open = text.lastIndexOf('{{trans', offset);
  if (open < 0) return false;
  const close = text.indexOf('}}', open);
  if (close < offset) return false;
  return new RegExp(`(?<![\\w$])${name}\\s*=`).test(text.slice(offset, close));
}

// Opening and closing delimiters of template expressions, for values a parser cut short.
const EXPRESSION_DELIMITERS: ReadonlyArray<readonly [string, string]> = [['{{', '}}'], ['{%', '%}'], ['${', '}'], ['<%', '%>'], ['%%', '%%'], ['*|', '|*']];

/**
 * True when the value opens a template expression it never closes: an attribute value the HTML
 * parser ended at a quote nested inside the expression. Magento 1 writes
 * `href="{{store url="customer/account/"}}"` (https://developer.adobe.com/commerce/frontend-core/guide/templates/email/),
 * which a parser reads as `{{store url=`. Still template code (a link to somewhere known only at
 * send time), not a relative URL.
 */
export function isCutTemplateExpression(value: string): boolean {
  const t = value.trim();
  return EXPRESSION_DELIMITERS.some(([open, close]) => t.startsWith(open) && !t.includes(close, open.length));
}

/** `text` with every template tag replaced by a space: the wording a reader sees around what the sender fills in. */
export function withoutTemplateTags(text: string): string {
  const tags = findMergeTags(text);
  if (!tags.length) return text;
  let out = '';
  let pos = 0;
  for (const t of tags) {
    out += `${text.slice(pos, t.range.start)} `;
    pos = t.range.end;
  }
  return out + text.slice(pos);
}

/**
 * True when the text is template tags and nothing else (spaces, punctuation): a label such as
 * `{{ L.T "email.forgotPassword.button" }}` whose words and length are known only at send time.
 */
export function isOnlyTemplateCode(text: string): boolean {
  return findMergeTags(text).length > 0 && !/[\p{L}\p{N}]/u.test(withoutTemplateTags(text));
}

// A layout's slot for each mail's content, or a file of named partials: Liquid's
// `{{ content_for_layout }}`, Go's `{{ define "header" }}` / `{{ block "content" . }}`, Rails'
// `<%= yield %>`, Postmark's `{{{ @content }}}`, Twig/Jinja `{% block content %}`.
const LAYOUT_TAG = /^\{\{-?\s*(?:content_for_layout\b|define\s+"|block\s+"|yield\b|@content\b|\{\s*@content\b)|^<%[=-]?\s*yield\b|^\{%-?\s*block\s+(?:content|body|main)\b/;

/**
 * True when the template is a layout or a set of partials rather than a whole mail: it holds a
 * slot the framework fills with each mail's content, or defines named partials. What it says
 * about itself is not what the mails it wraps say.
 */
export function isLayoutTemplate(text: string): boolean {
  return mayHoldTemplateLogic(text) && findMergeTags(text).some((t) => LAYOUT_TAG.test(t.text));
}

/** The first link role any of the tags plays (an ESP's unsubscribe, preference or web-version tag), or null. */
export function roleOfTags(tags: readonly MergeTag[]): TagRole | null {
  for (const [r] of ROLE_OF) if (tags.some((t) => t.role === r)) return r;
  return null;
}

/** Opening delimiters of template logic, to test a text cheaply before scanning it. */
const MAY_HOLD_LOGIC = /\{[{%]|%%\[|<%|\*\||<\/?#/;

/** False when `text` (a whole template) holds no opening delimiter of template logic: then no part of it does. */
export function mayHoldTemplateLogic(text: string): boolean {
  return MAY_HOLD_LOGIC.test(text);
}

/**
 * `text` with its template logic (`{% if %}`, `{{#each}}`, `%%[ … ]%%`, `*|IF:X|*`) taken out:
 * what a reader sees once the ESP has run it. Output tags stay (they render as something).
 */
export function withoutTemplateLogic(text: string): string {
  if (!MAY_HOLD_LOGIC.test(text)) return text;
  const tags = findMergeTags(text);
  if (!tags.some((t) => t.kind === 'logic')) return text;
  let out = '';
  let pos = 0;
  for (const t of tags) {
    if (t.kind !== 'logic') continue;
    out += `${text.slice(pos, t.range.start)} `;
    pos = t.range.end;
  }
  return out + text.slice(pos);
}

/** The ranges of template logic in `text` (for render copies that hide it as the model does). */
export function templateLogicRanges(text: string): Range[] {
  if (!MAY_HOLD_LOGIC.test(text)) return [];
  return findMergeTags(text)
    .filter((t) => t.kind === 'logic')
    .map((t) => t.range);
}

/** The role of an ESP element that the ESP replaces with a link (`<unsubscribe>` of Campaign Monitor), or null. */
export function espElementRole(name: string): { role: TagRole; esp: EspId } | null {
  for (const l of TEMPLATE_LANGUAGES) {
    const r = l.elements?.[name.toLowerCase()];
    if (r) return { role: r, esp: l.id };
  }
  return null;
}

/** True when an attribute name is an ESP editor's (`mc:edit`, `mc:repeatable`): not HTML, stripped by the ESP. */
export function isEspAttribute(name: string): boolean {
  return TEMPLATE_LANGUAGES.some((l) => l.attributes?.test(name));
}
