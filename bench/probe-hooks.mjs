/** Module hooks of bench/probe.mjs: reports each heavy package the first time it is resolved. */
let port;
let heavy = [];
const seen = new Set();

export function initialize(data) {
  port = data.port;
  heavy = data.heavy;
}

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  for (const name of heavy) {
    if (!seen.has(name) && r.url.includes(`/node_modules/${name}/`)) {
      seen.add(name);
      port.postMessage(name);
    }
  }
  return r;
}
