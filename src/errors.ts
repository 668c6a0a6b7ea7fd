/**
 * Errors the user can act on. The CLI prints their message (no stack trace) and exits 2.
 * Anything else that escapes is an internal error.
 */
export class InboxlintError extends Error {
  /** The file concerned, when there is one. */
  readonly filePath?: string;
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, where?: { filePath?: string; line?: number; column?: number }) {
    super(message);
    this.name = new.target.name;
    this.filePath = where?.filePath;
    this.line = where?.line;
    this.column = where?.column;
  }

  /** `file:line:col: message`, as compilers print it. */
  describe(): string {
    const loc = this.filePath ? `${this.filePath}${this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : ''}: ` : '';
    return `${loc}${this.message}`;
  }
}

/** A configuration or usage problem (bad key, bad value, unknown rule). */
export class ConfigError extends InboxlintError {}

/** An input that cannot be linted (missing, binary, undecodable, malformed beyond repair). */
export class InputError extends InboxlintError {}
