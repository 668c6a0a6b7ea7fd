/** The configuration file's shape (inboxlint.config.{js,mjs,json} or package.json "inboxlint"). */
import type { MailType } from '../model/document.js';
import type { RuleSetting } from '../engine/linter.js';

export type SeverityInput = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleEntry = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];
export type RulesConfig = Record<string, RuleEntry>;

export interface OverrideConfig {
  /** Globs matched against the file path relative to the config file's directory. */
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: RulesConfig;
  /** `null` means "not set": inferred from `<title>`. */
  subject?: string | null;
  preheader?: string | null;
  mailType?: MailType;
  /** Mail clients the `client-support` rule judges for these files (see `Config.clients`). */
  clients?: string | string[];
}

export interface Config {
  /** `inboxlint:recommended` / `recommended`, `inboxlint:strict` / `strict`, or a path to another config file. */
  extends?: string | string[];
  rules?: RulesConfig;
  overrides?: OverrideConfig[];
  subject?: string | null;
  preheader?: string | null;
  mailType?: MailType;
  /** Link-tracking settings, passed through to the tracking command untouched. */
  track?: Record<string, unknown>;
  /** Rendering settings, passed through untouched. */
  render?: Record<string, unknown>;
  /** The pre-send check: `from` and `to` of the message built around an HTML file for `--spam`. */
  presend?: { from?: string; to?: string };
  /** Globs (relative to the config file's directory) of files never linted. */
  ignores?: string[];
  /**
   * Namespace → plugin: a package name, a path relative to the config file, or (in a JS config)
   * the plugin object `{ rules: { name: rule } }`. Its rules are configured as `namespace/name`.
   */
  plugins?: Record<string, string | { rules: Record<string, unknown> }>;
  /** Files larger than this many bytes are not linted: one fatal error naming the file (default 5 MB; 0: no limit). `--max-file-size` beats it. */
  maxFileSize?: number;
  /** Per-file time budget in ms (default 10,000; 0: none): a file past it gets one fatal finding. `--max-file-time` beats it. */
  maxFileTime?: number;
  /** Mail clients the `client-support` rule judges (presets `major`, `all`, `outlook`, families, client ids); turns the rule on. `--clients` beats it. */
  clients?: string | string[];
}

/** What the engine and loader need for one file. */
export interface FileConfig {
  rules: Record<string, RuleSetting>;
  subject?: string;
  subjectSource?: 'option' | 'config';
  preheader?: string;
  preheaderSource?: 'option' | 'config';
  mailType?: MailType;
  /** The config file that applied (absolute), or undefined for inline / default config. */
  configPath?: string;
  track?: Record<string, unknown>;
  render?: Record<string, unknown>;
  presend?: Record<string, unknown>;
  /** The config's `maxFileSize` / `maxFileTime`, when set (the session applies flags and defaults: `Session.limitsFor`). */
  maxFileSize?: number;
  maxFileTime?: number;
}
