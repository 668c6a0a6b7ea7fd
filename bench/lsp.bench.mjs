/**
 * The language server's speed and memory, over stdio as an editor drives it:
 * - latency from a didChange to its publishDiagnostics (debounce 0), on every corpus HTML
 *   template up to 100 KB (p50, p95), against the same texts linted in-process by a Session
 *   in this run (the floor: what the LSP adds is the protocol and the model's extra reads);
 * - the server's RSS over 1,000 edits of one document (after 100 edits and after 1,000).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const rssMB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

export async function benchLsp(root, inputs) {
  const small = inputs.filter((i) => Buffer.byteLength(i.text) <= 100_000);
  const child = spawn(process.execPath, [join(root, 'bin/inboxlint.js'), 'lsp', '--stdio', '--debounce', '0'], { cwd: root, env: { ...process.env, INBOXLINT_LSP_RENDER: '0' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.uri);
    if (w) {
      waiting.delete(p.uri);
      w(p);
    }
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const next = (uri) => new Promise((r) => waiting.set(uri, r));
  const latencies = [];
  for (const [i, input] of small.entries()) {
    const uri = pathToFileURL(join(root, `bench-${i}.html`)).href;
    let d = next(uri);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'html', version: 1, text: input.text } });
    await d;
    d = next(uri);
    const t0 = performance.now();
    // A typed character at the end of the text, as an editor sends it.
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${input.text} ` }] });
    await d;
    latencies.push(performance.now() - t0);
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  // Memory over 1,000 edits of one document (a mid-sized template).
  const one = small.find((s) => s.text.length > 20_000) ?? small[0];
  const uri = pathToFileURL(join(root, 'bench-edits.html')).href;
  let d = next(uri);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'html', version: 1, text: one.text } });
  await d;
  let rss100 = 0;
  for (let v = 2; v <= 1001; v++) {
    d = next(uri);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `${one.text}${' '.repeat(v % 7)}` }] });
    await d;
    if (v === 101) rss100 = rssMB(child.pid);
  }
  const rss1000 = rssMB(child.pid);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  // The floor: the same texts through an in-process Session.
  const { Session } = await import(pathToFileURL(join(root, 'dist/src/session.js')).href);
  const session = new Session({ cwd: root });
  const floor = [];
  for (const input of small) {
    await session.lintText(input.text, { filePath: join(root, 'floor.html') });
    const t0 = performance.now();
    await session.lintText(`${input.text} `, { filePath: join(root, 'floor.html') });
    floor.push(performance.now() - t0);
  }
  await session.close();
  return { files: small.length, p50: pct(latencies, 50), p95: pct(latencies, 95), floorP95: pct(floor, 95), rss100, rss1000, editsFile: one.file };
}
