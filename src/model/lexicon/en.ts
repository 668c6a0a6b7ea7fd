/**
 * English (en) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the en set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/en.json
 * - Cerberus best practices ("Avoid Click Here or Learn More"): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "en",
  name: "English",
  dir: "ltr",
  verbPosition: "first",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the en set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/en.json", "Cerberus best practices (\"Avoid Click Here or Learn More\"): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["click here", "click this", "click", "click me", "go", "go here", "here", "information", "info", "learn more", "more", "more info", "more information", "right here", "read more", "see more", "start", "this", "link", "this link", "submit", "continue", "click to continue", "next", "details", "more details", "view more", "find out more", "see here", "tap here", "press here", "view", "open", "ok", "okay", "yes", "enter", "button", "check it out", "see it"],
  verbs: ["accept", "access", "activate", "add", "apply", "approve", "ask", "attend", "book", "browse", "build", "buy", "calculate", "come", "decline", "do", "keep", "leave", "let", "look", "print", "rate", "reactivate", "remove", "report", "reschedule", "resend", "stay", "call", "cancel", "change", "chat", "check", "checkout", "choose", "claim", "compare", "complete", "confirm", "connect", "contact", "continue", "create", "customize", "customise", "discover", "donate", "download", "earn", "edit", "enable", "enroll", "enrol", "enter", "explore", "find", "finish", "follow", "get", "give", "go", "grab", "help", "install", "invite", "join", "launch", "learn", "listen", "log", "login", "make", "manage", "meet", "open", "order", "pay", "pick", "plan", "play", "pre-order", "preorder", "read", "redeem", "refer", "register", "renew", "reply", "request", "reserve", "reset", "respond", "restore", "resume", "retry", "return", "review", "rsvp", "save", "schedule", "see", "select", "send", "set", "share", "shop", "show", "sign", "start", "stream", "submit", "subscribe", "support", "switch", "take", "tell", "track", "try", "unlock", "update", "upgrade", "upload", "use", "verify", "view", "visit", "vote", "watch", "write", "collapse", "copy", "expand", "file", "hide", "close"],
  particles: ["now", "yes", "please", "ok", "okay"],
  unsubscribe: ["unsubscribe*", "opt out", "opt-out", "optout"],
  preferences: ["preference*", "preference center", "preference centre", "manage your subscription*", "manage subscription*", "manage your email*", "manage email*", "manage notifications", "email settings", "notification settings", "subscription center", "subscription centre", "update your profile", "update profile", "update your preferences"],
  viewOnline: ["view in browser", "view this in browser", "view this in your browser", "view email in your browser", "view this email in browser", "view email online", "view this online", "view this email as a web page", "view as webpage", "view this email as a webpage", "view in your browser", "view this email in your browser", "view this email in a browser", "view it in your browser", "view online", "view this email online", "view as a web page", "view as a webpage", "view as web page", "web version", "webversion", "having trouble viewing", "trouble viewing this email", "view email in browser", "open in browser", "read online"],
  footer: ["copyright", "all rights reserved", "privacy policy", "privacy notice", "privacy statement", "terms of service", "terms of use", "terms and conditions", "terms & conditions", "terms privacy", "privacy terms", "you received this", "you are receiving this", "you're receiving this", "you receive this", "you're getting this", "you are getting this", "sent to", "sent by", "no longer wish", "manage preferences", "manage your preferences", "manage email preferences", "manage your email preferences", "no longer want", "p.o. box", "po box"],
};

export default words;
