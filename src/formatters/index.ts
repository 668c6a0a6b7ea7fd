/** The output formats, by `--format` name. */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';

export type { Formatter, FormatterContext } from './types.js';

export const formatters = { stylish, json, sarif, github, junit } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name as FormatName] : undefined;
}
