/**
 * The CLI's commands, one module each. A command module exports a factory that receives
 * `setExit(code)` (the process exits with the highest code set) and returns a yargs command.
 */
import type { CommandModule } from 'yargs';

export type CommandFactory = (setExit: (code: number) => void) => CommandModule<any, any>;

export const commands: CommandFactory[] = [
];
