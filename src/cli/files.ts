/** File helpers of the CLI. Input expansion lives in src/input/files.ts (the library needs it too). */
export { expandInputs, EMAIL_GLOB, type ExpandedFile } from '../input/files.js';

export { writeFileAtomic } from '../write.js';
