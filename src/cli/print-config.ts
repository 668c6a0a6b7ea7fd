/**
 * `lint --print-config FILE`: the configuration in effect for FILE after discovery, presets,
 * overrides and command-line flags, with every rule's options filled in from its defaults.
 */
import { resolve } from 'node:path';
import type { ConfigResolver } from '../config/resolve.js';
import { resolveOptions } from '../engine/options.js';
import { displayPath } from '../config/load.js';

export async function printableConfig(resolver: ConfigResolver, file: string): Promise<Record<string, unknown>> {
  const filePath = resolve(resolver.cwd, file);
  const cfg = await resolver.resolve(filePath);
  const byId = new Map(resolver.ctx.ruleSet.map((r) => [r.id, r]));
  const rules: Record<string, unknown> = {};
  for (const id of Object.keys(cfg.rules).sort()) {
    const s = cfg.rules[id];
    const rule = byId.get(id);
    const options = rule && s.severity !== 'off' ? resolveOptions(rule, s.options, `rules.${id}`) : s.options;
    rules[id] = options && Object.keys(options).length ? [s.severity, options] : s.severity;
  }
  const out: Record<string, unknown> = {
    filePath: displayPath(filePath, resolver.cwd),
    configFile: cfg.configPath ? displayPath(cfg.configPath, resolver.cwd) : null,
    ignored: await resolver.isIgnored(filePath),
  };
  if (cfg.mailType !== undefined) out.mailType = cfg.mailType;
  if (cfg.subject !== undefined) out.subject = cfg.subject;
  if (cfg.preheader !== undefined) out.preheader = cfg.preheader;
  out.rules = rules;
  if (cfg.track !== undefined) out.track = cfg.track;
  if (cfg.render !== undefined) out.render = cfg.render;
  return out;
}
