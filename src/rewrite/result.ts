/** What tracking one file gives: the rewritten text, the manifest, warnings. */
import type { ManifestEntry } from './manifest.js';

export interface TrackResult {
  filePath: string;
  /** The rewritten text (for `encoding: 'latin1'`, one character per byte). */
  output: string;
  manifest: ManifestEntry[];
  warnings: string[];
  /** True when the output differs from the input. */
  changed: boolean;
  /** How to turn `output` back into bytes: `utf8`, or `latin1` for files that are not UTF-8 (their bytes are kept as they are). */
  encoding: 'utf8' | 'latin1';
}

export type TrackInput = string | { text: string; filePath?: string };
