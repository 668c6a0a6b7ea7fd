/** `inboxlint doctor [--json] [--chromium PATH]`: the facts a bug report needs (src/cli/doctor.ts). */
import type { CommandFactory } from './index.js';
import { doctorReport, formatDoctor } from '../doctor.js';

export const doctorCommand: CommandFactory = () => ({
  command: 'doctor',
  describe: 'Print versions, the browser, the config and cache locations (for bug reports)',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', describe: 'Print the facts as JSON' })
      .option('chromium', { type: 'string', describe: 'Check this Chromium executable instead of looking for one' }),
  handler: async (argv) => {
    const facts = await doctorReport({ cwd: process.cwd(), chromium: argv.chromium as string | undefined });
    if (argv.json) process.stdout.write(`${JSON.stringify(Object.fromEntries(facts.map((f) => [f.label, f.value])), null, 2)}\n`);
    else process.stdout.write(formatDoctor(facts));
  },
});
