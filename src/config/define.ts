import type { Config } from './types.js';

/** Identity, for types and editor completion in inboxlint.config.js: `export default defineConfig({ … })`. */
export function defineConfig(config: Config): Config {
  return config;
}
