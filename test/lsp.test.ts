/**
 * The language server, driven over stdio by a real LSP client connection (vscode-jsonrpc):
 * initialize, didOpen, didChange, codeAction, hover, documentSymbol, watched config changes,
 * shutdown and exit, against `node bin/inboxlint.js lsp --stdio` (the built CLI).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLEAN, tempProjects } from './cli-fixtures.js';
import { launchBrowser } from '../src/render/browser.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'inboxlint.js');
const project = tempProjects('inboxlint-lsp-');

interface Client {
  conn: ProtocolConnection;
  child: ChildProcess;
  /** The next diagnostics published for `uri` (after `since` of them were already seen). */
  diagnostics(uri: string): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  change(uri: string, version: number, text: string): Promise<Diagnostic[]>;
  close(): Promise<number | null>;
}

let clients: Client[] = [];
afterEach(async () => {
  for (const c of clients) c.child.kill();
  clients = [];
});

async function start(root: string, watch = true, renderOnSave = false): Promise<Client> {
  const env = { ...process.env, INBOXLINT_LSP_RENDER: renderOnSave ? '1' : '0' };
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', '--debounce', '50'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, Array<(d: Diagnostic[]) => void>>();
  const queued = new Map<string, Diagnostic[][]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const w = waiting.get(p.uri);
    if (w?.length) w.shift()!(p.diagnostics);
    else queued.set(p.uri, [...(queued.get(p.uri) ?? []), p.diagnostics]);
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const diagnostics = (uri: string) =>
    new Promise<Diagnostic[]>((resolve) => {
      const q = queued.get(uri);
      if (q?.length) return resolve(q.shift()!);
      waiting.set(uri, [...(waiting.get(uri) ?? []), resolve]);
    });
  const init = await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'p' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: watch } } },
  });
  expect(init.capabilities.hoverProvider).toBe(true);
  await conn.sendNotification('initialized', {});
  const client: Client = {
    conn,
    child,
    diagnostics,
    async open(uri, text, languageId = 'html') {
      const d = diagnostics(uri);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return d;
    },
    async change(uri, version, text) {
      const d = diagnostics(uri);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return d;
    },
    async close() {
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      return exited;
    },
  };
  clients.push(client);
  return client;
}

const apply = (text: string, edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'html', 1, text), [...edits]);
const editsOf = (a: CodeAction, uri: string) => a.edit!.changes![uri];

/** The clean email with one image without alt (img-alt, an error) and a layout table without role (a fixable warning). */
const NO_ALT = CLEAN.replace('<p>Hello there', '<img src="https://shop.example/hero.png" width="600" height="300">\n<p>Hello there');
const NO_ROLE = CLEAN.replace('<table role="presentation" ', '<table ');
/** The clean email whose link is a button (a CTA). */
const BUTTON = CLEAN.replace('<a href="https://shop.example/spring">', '<a href="https://shop.example/spring" style="display:inline-block;background:#0a5c36;color:#ffffff;padding:14px 28px;font-size:16px;text-decoration:none">');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('inboxlint lsp --stdio', () => {
  it('publishes diagnostics on open and after a change, at the finding, with the rule and its docs', async () => {
    const root = project({});
    const c = await start(root);
    const uri = pathToFileURL(join(root, 'a.html')).href;
    const first = await c.open(uri, NO_ALT);
    const alt = first.find((d) => d.code === 'img-alt')!;
    expect(alt).toBeDefined();
    expect(alt.severity).toBe(1); // Error
    expect(alt.range.start).toEqual({ line: lineOf(NO_ALT, '<img'), character: 0 });
    expect(alt.range.end.line).toBe(lineOf(NO_ALT, '<img'));
    expect(alt.codeDescription?.href).toMatch(/img-alt/);
    expect(alt.source).toBe('inboxlint');
    // The unsaved text is linted: adding the alt clears the finding.
    const after = await c.change(uri, 2, NO_ALT.replace('height="300">', 'height="300" alt="Linen shirts">'));
    expect(after.filter((d) => d.code === 'img-alt')).toEqual([]);
    expect(await c.close()).toBe(0);
  });

  it('offers the fix, the disable directives and fix-all as code actions whose edits work', async () => {
    const root = project({});
    const c = await start(root);
    const uri = pathToFileURL(join(root, 'a.html')).href;
    const diags = await c.open(uri, NO_ROLE);
    const d = diags.find((x) => x.code === 'table-role-presentation')!;
    expect(d).toBeDefined();
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const quick = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
    expect(apply(NO_ROLE, editsOf(quick, uri))).toBe(CLEAN);
    const line = actions.find((a) => a.title === 'Disable table-role-presentation for this line')!;
    const disabledLine = apply(NO_ROLE, editsOf(line, uri));
    expect(disabledLine.split('\n')[d.range.start.line]).toBe('<!-- inboxlint-disable-next-line table-role-presentation -->');
    expect((await c.change(uri, 2, disabledLine)).map((x) => x.code)).not.toContain('table-role-presentation');
    const file = actions.find((a) => a.title === 'Disable table-role-presentation for this file')!;
    const disabledFile = apply(NO_ROLE, editsOf(file, uri));
    expect(disabledFile.startsWith('<!DOCTYPE html>\n<!-- inboxlint-disable table-role-presentation -->')).toBe(true);
    expect((await c.change(uri, 3, disabledFile)).map((x) => x.code)).not.toContain('table-role-presentation');
    // Fix all, on the original text again.
    const again = await c.change(uri, 4, NO_ROLE);
    const all = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: again[0].range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(all).toHaveLength(1);
    expect(apply(NO_ROLE, editsOf(all[0], uri))).toBe(CLEAN);
    await c.close();
  });

  it('hovers a CTA with why, type, fold positions and the tracked URL; lists the CTAs as symbols', async () => {
    const root = project({ 'inboxlint.config.json': JSON.stringify({ track: { campaign: 'spring', source: 'news' } }) });
    const c = await start(root);
    const uri = pathToFileURL(join(root, 'a.html')).href;
    await c.open(uri, BUTTON);
    const line = lineOf(BUTTON, '<a href="https://shop.example/spring"');
    const hover = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
    const md = (hover.contents as { value: string }).value;
    expect(md).toMatch(/Primary CTA\*\* "Shop the spring collection"/);
    expect(md).toMatch(/phone \(375 px\): top at \d+ px, fold 500 px — above the fold \(estimated\)/);
    expect(md).toMatch(/desktop pane \(600 px\): top at \d+ px, fold 350 px/);
    expect(md).toContain('https://shop.example/spring?utm_source=news&utm_medium=email&utm_campaign=spring');
    expect(hover.range!.start.line).toBe(line);
    const unsub = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(BUTTON, 'Unsubscribe</a>'), character: 12 } });
    expect((unsub.contents as { value: string }).value).toMatch(/Link, not a CTA\*\*: unsubscribe link/);
    const none = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
    const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['★ CTA 1: Shop the spring collection']);
    expect(symbols[0].range.start.line).toBe(line);
    await c.close();
  });

  it('positions MJML findings on the MJML source lines', async () => {
    const root = project({});
    const c = await start(root);
    const uri = pathToFileURL(join(root, 'a.mjml')).href;
    const mjml = `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Our spring collection is here, in six colours.</mj-text>\n        <mj-button href="https://shop.example/spring">Click here</mj-button>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;
    const diags = await c.open(uri, mjml, 'mjml');
    const vague = diags.find((d) => d.code === 'cta-vague-text')!;
    expect(vague).toBeDefined();
    expect(vague.range.start.line).toBe(lineOf(mjml, '<mj-button'));
    // The line directive works in MJML too.
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: vague.range, context: { diagnostics: [vague] } });
    const line = actions.find((a) => a.title === 'Disable cta-vague-text for this line')!;
    const edited = apply(mjml, editsOf(line, uri));
    expect((await c.change(uri, 2, edited)).map((d) => d.code)).not.toContain('cta-vague-text');
    const file = actions.find((a) => a.title === 'Disable cta-vague-text for this file')!;
    expect((await c.change(uri, 3, apply(mjml, editsOf(file, uri)))).map((d) => d.code)).not.toContain('cta-vague-text');
    await c.close();
  });

  it('lints again with the new config when a watched config file changes', async () => {
    const root = project({ 'inboxlint.config.json': JSON.stringify({ extends: 'recommended' }) });
    const c = await start(root);
    const uri = pathToFileURL(join(root, 'a.html')).href;
    expect((await c.open(uri, NO_ALT)).map((d) => d.code)).toContain('img-alt');
    writeFileSync(join(root, 'inboxlint.config.json'), JSON.stringify({ extends: 'recommended', rules: { 'img-alt': 'off' } }));
    const next = c.diagnostics(uri);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'inboxlint.config.json')).href, type: 2 }] });
    expect((await next).map((d) => d.code)).not.toContain('img-alt');
    await c.close();
  });

  it('on save, publishes the findings measured in Chromium (hover says measured)', async () => {
    try {
      await (await launchBrowser()).close();
    } catch (err) {
      if (process.env.CI) throw new Error(`the measured-on-save test needs Chromium in CI: ${(err as Error).message}`);
      console.warn(`SKIPPED (no browser): ${(err as Error).message}`);
      return;
    }
    const root = project({});
    const c = await start(root, true, true);
    const uri = pathToFileURL(join(root, 'a.html')).href;
    await c.open(uri, BUTTON);
    const line = lineOf(BUTTON, '<a href="https://shop.example/spring"');
    const hover = () => c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
    expect((await hover()).contents).toMatchObject({ value: expect.stringMatching(/\(estimated\)/) });
    const measured = c.diagnostics(uri);
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await measured;
    expect((await hover()).contents).toMatchObject({ value: expect.stringMatching(/phone \(375 px\): top at \d+ px, fold 500 px — above the fold \(measured\)/) });
    await c.close();
  });

  it('reports a broken config as one error at the top of the file, not silence', async () => {
    const root = project({ 'inboxlint.config.json': '{ "rules": ' });
    const c = await start(root);
    const uri = pathToFileURL(join(root, 'a.html')).href;
    const diags = await c.open(uri, CLEAN);
    expect(diags).toHaveLength(1);
    expect(diags[0].severity).toBe(1);
    expect(diags[0].message).toMatch(/inboxlint\.config\.json/);
    expect(diags[0].range.start).toEqual({ line: 0, character: 0 });
    await c.close();
  });
});

describe('the VS Code extension', () => {
  // server-path.js is the extension's choice of server, kept free of the `vscode` module.
  const { findServer } = createRequire(import.meta.url)('../editors/vscode/server-path.js') as {
    findServer(setting: string, folders: string[], extensionDir: string): { path: string; from: string } | undefined;
  };
  const bin = join('node_modules', 'inboxlint', 'bin', 'inboxlint.js');

  it("starts the setting's server, else the workspace's, else the bundled one", () => {
    const ws = project({ [bin]: '' });
    const ext = project({ [bin]: '' });
    const empty = project({});
    expect(findServer('', [empty, ws], ext)).toEqual({ path: join(ws, bin), from: `the workspace (${ws})` });
    expect(findServer('', [empty], ext)).toEqual({ path: join(ext, bin), from: 'the copy bundled with the extension' });
    expect(findServer(join(ws, bin), [empty], ext)?.from).toBe('the inboxlint.path setting');
    expect(findServer(join(empty, 'nope.js'), [ws], ext)).toBeUndefined();
    expect(findServer('', [empty], empty)).toBeUndefined();
  });
});
