/**
 * `inboxlint lsp --stdio`: the language server. Editors get the CLI's findings where the cursor
 * is, through the same Session (config found from each file's folder, rebuilt when a config file
 * changes), on the unsaved text:
 * - diagnostics for HTML, MJML and .eml documents on open and on change (debounced), positioned
 *   in the file being edited (MJML source lines, .eml file lines), with the rule's docs link;
 * - code actions: each fix as a quick fix and each suggestion as a refactor (HTML, where offsets
 *   are the file's), "disable <rule> for this line / file" as inline directives, "fix all";
 * - hover on a link: CTA or not and why, its micro-conversion type, the URL `track` would write,
 *   where it sits against the fold on phone and desktop; document symbols: the CTAs in order;
 * - on save, when a browser can be found, the measured (`--render`) findings, in the background.
 * What is said about a document is computed in src/lsp/analysis.ts; this file speaks LSP.
 */
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type Range as LspRange,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Session } from '../session.js';
import { analyse, directiveEdit, fixAll, hoverAt, kindOf, type Analysis, type Finding } from './analysis.js';

/** Milliseconds of quiet after a change before the document is linted again. */
export const DEBOUNCE_MS = 150;

export interface ServerOptions {
  /** Debounce after a change (default DEBOUNCE_MS). */
  debounceMs?: number;
  /** Measure on save when a browser can be found (default true; INBOXLINT_LSP_RENDER=0 turns it off). */
  renderOnSave?: boolean;
}

const toLsp = (r: Finding['span']): LspRange => ({
  start: { line: Math.max(0, r.line - 1), character: Math.max(0, r.column - 1) },
  end: { line: Math.max(0, r.endLine - 1), character: Math.max(0, r.endColumn - 1) },
});

function diagnosticOf(f: Finding, index: number): Diagnostic {
  return {
    range: toLsp(f.span),
    severity: f.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'inboxlint',
    message: f.message,
    ...(f.ruleId ? { code: f.ruleId } : {}),
    ...(f.docsUrl ? { codeDescription: { href: f.docsUrl } } : {}),
    data: { index },
  };
}

function pathOf(uri: string, root: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  // An unsaved (untitled) buffer: lint it as a file of the workspace root, named by its URI's tail.
  return `${root}/${basename(uri.split(/[?#]/)[0]) || 'untitled.html'}`;
}

/** Starts the server on a connection (stdio by default). Resolves when the client sends `exit`. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions = {}): Promise<void> {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const renderOnSave = options.renderOnSave ?? process.env.INBOXLINT_LSP_RENDER !== '0';
  const documents = new TextDocuments(TextDocument);
  let root = process.cwd();
  let session: Session | undefined;
  let measuring: Session | undefined;
  let watchConfigs = false;
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  const sessionOf = () => (session ??= new Session({ cwd: root }));

  async function validate(doc: TextDocument, render = false): Promise<void> {
    const version = doc.version;
    const filePath = pathOf(doc.uri, root);
    let s = sessionOf();
    if (render) s = measuring ??= new Session({ cwd: root, render: true });
    const a = await analyse(s, { text: doc.getText(), filePath, kind: kindOf(filePath, doc.languageId) });
    // A newer text arrived while this one was linted (or measured): its own run will publish.
    if (documents.get(doc.uri)?.version !== version) return;
    if (render && a.error) {
      connection.console.info(`inboxlint: measured findings skipped for ${basename(filePath)}: ${a.error}`);
      return;
    }
    analyses.set(doc.uri, a);
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: a.findings.map(diagnosticOf) });
  }

  const run = (doc: TextDocument, render = false) =>
    validate(doc, render).catch((err: unknown) => connection.console.error(`inboxlint: ${doc.uri}: ${err instanceof Error ? err.message : String(err)}`));

  function schedule(doc: TextDocument): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void run(current);
      }, debounceMs),
    );
  }

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    watchConfigs = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll] },
        hoverProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'inboxlint' },
    };
  });

  connection.onInitialized(() => {
    if (watchConfigs) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{inboxlint.config.*,.inboxlintrc*,package.json}' }],
      });
    }
  });

  // A config file changed: the session notices on its next call (mtime and size); lint every open document again.
  connection.onDidChangeWatchedFiles(() => {
    for (const d of documents.all()) void run(d);
  });

  // Fired on open too: a document not linted yet is linted at once, later changes after a quiet spell.
  const opened = new Set<string>();
  documents.onDidChangeContent((e) => {
    if (opened.has(e.document.uri)) return schedule(e.document);
    opened.add(e.document.uri);
    void run(e.document);
  });
  documents.onDidSave((e) => {
    if (renderOnSave) void run(e.document, true);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    opened.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => codeActions(params));

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const doc = documents.get(params.textDocument.uri);
    const a = analyses.get(params.textDocument.uri);
    if (!doc || !a || a.text !== doc.getText()) return [];
    const uri = params.textDocument.uri;
    const text = a.text;
    const editOf = (e: { start: number; end: number; text: string }): TextEdit => ({
      range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
      newText: e.text,
    });
    const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
    const only = params.context.only;
    const wants = (k: string) => !only || only.some((o) => k === o || k.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const index = (d.data as { index?: number } | undefined)?.index;
      const f = index === undefined ? undefined : a.findings[index];
      if (!f || f.message !== d.message) continue;
      if (f.fix && wants(CodeActionKind.QuickFix)) {
        actions.push({ title: f.fix.desc, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit([editOf(f.fix)]) });
      }
      if (wants(CodeActionKind.RefactorRewrite)) {
        for (const s of f.suggestions) actions.push({ title: s.desc, kind: CodeActionKind.RefactorRewrite, diagnostics: [d], edit: edit([editOf(s)]) });
      }
      if (f.ruleId && wants(CodeActionKind.QuickFix)) {
        for (const scope of ['line', 'file'] as const) {
          const e = directiveEdit(text, a.kind, f, scope);
          if (e) actions.push({ title: `Disable ${f.ruleId} for this ${scope}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([editOf(e)]) });
        }
      }
    }
    if (wants(CodeActionKind.SourceFixAll) && a.findings.some((f) => f.fix)) {
      const fixed = await fixAll(sessionOf(), a);
      if (fixed !== undefined && fixed !== text && doc.getText() === text) {
        actions.push({
          title: 'Fix all inboxlint problems',
          kind: CodeActionKind.SourceFixAll,
          edit: edit([{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, newText: fixed }]),
        });
      }
    }
    return actions;
  }

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const a = analyses.get(params.textDocument.uri);
    if (!doc || !a || a.text !== doc.getText()) return null;
    const h = await hoverAt(a, params.position.line + 1, params.position.character + 1);
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: toLsp(h.span) } : null;
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const a = analyses.get(params.textDocument.uri);
    if (!a) return [];
    return a.ctas.map((c) => ({
      name: `${c.primary ? '★ ' : ''}CTA ${c.index + 1}: ${c.label || '(no label)'}`,
      detail: `${c.type} → ${c.href || '(empty)'}`,
      kind: SymbolKind.Event,
      range: toLsp(c.span),
      selectionRange: toLsp(c.span),
    }));
  });

  connection.onShutdown(async () => {
    for (const t of timers.values()) clearTimeout(t);
    await Promise.all([session?.close(), measuring?.close()]);
  });

  documents.listen(connection);
  return new Promise((done) => {
    connection.onExit(() => done());
    connection.listen();
  });
}

