/**
 * Preloaded into a measured process (`node --import ./bench/probe.mjs …`): at exit, appends to
 * the file named by INBOXLINT_PROBE one JSON line with the process's peak RSS, its CPU time (user + system) and, when
 * INBOXLINT_PROBE_MODULES is set, the heavy packages it imported (via a module resolve hook).
 */
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const out = process.env.INBOXLINT_PROBE;
const HEAVY = ['mjml', 'playwright-core', 'tinypool', 'mailparser', 'cheerio', '@emailens/engine'];
if (out) {
  let loaded = new Set();
  if (process.env.INBOXLINT_PROBE_MODULES) {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (url) => loaded.add(url));
    port1.unref();
    register(new URL('./probe-hooks.mjs', import.meta.url), { data: { port: port2, heavy: HEAVY }, transferList: [port2] });
  }
  process.on('exit', () => {
    appendFileSync(out, `${JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000, heavy: [...loaded].sort() })}\n`);
  });
}
