/** What the input adapters share: the options a caller may pass besides the text. */
import type { DocumentInput, InputKind } from '../model/document.js';
import type { MjmlCache } from './mjml-cache.js';

/** What a caller may tell the loader besides the text (subject, preheader, mail type). */
export type LoadOptions = Omit<DocumentInput, 'filePath' | 'text' | 'kind'> & {
  kind?: InputKind;
  /** The MJML compile cache to use (a session passes its own; default: one per process). */
  mjmlCache?: MjmlCache;
  /** Refuse inputs larger than this many bytes (0: no limit; files: default DEFAULT_MAX_FILE_SIZE, text: none). */
  maxFileSize?: number;
};
