/** MJML input: compile with mjml 5 and map findings back to MJML source lines. */
import type { EmailDocument } from './document.js';
import type { LoadOptions } from '../load.js';
import { InputError } from '../errors.js';

export async function loadMjml(filePath: string, _text: string, _options: LoadOptions): Promise<EmailDocument> {
  throw new InputError('MJML input is not supported yet', { filePath });
}
