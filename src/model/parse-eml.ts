/** .eml input: parse the message with mailparser; rules read the decoded text/html part. */
import type { EmailDocument } from './document.js';
import type { LoadOptions } from '../load.js';
import { InputError } from '../errors.js';

export async function loadEml(filePath: string, _text: string, _options: LoadOptions): Promise<EmailDocument> {
  throw new InputError('.eml input is not supported yet', { filePath });
}
