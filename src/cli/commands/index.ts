/**
 * The CLI's commands, one module each. A command module exports a factory that receives
 * `setExit(code)` (the process exits with the highest code set) and returns a yargs command.
 */
import type { CommandModule } from 'yargs';
import { lintCommand } from './lint.js';
import { rulesCommand } from './rules.js';
import { initCommand } from './init.js';
import { demoCommand } from './demo.js';
import { docsCommand } from './docs.js';
import { trackCommand } from './track.js';
import { inspectCommand } from './inspect.js';
import { doctorCommand } from './doctor.js';
import { previewCommand } from './preview.js';
import { reportCommand } from './report.js';
import { renderCommand } from './render.js';

export type CommandFactory = (setExit: (code: number) => void) => CommandModule<any, any>;

export const commands: CommandFactory[] = [
  lintCommand,
  rulesCommand,
  initCommand,
  demoCommand,
  docsCommand,
  trackCommand,
  inspectCommand,
  doctorCommand,
  previewCommand,
  reportCommand,
  renderCommand,
];
