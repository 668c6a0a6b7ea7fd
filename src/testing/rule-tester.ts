/**
 * RuleTester: tests one rule, built-in or a plugin's, the way ESLint's does. Each case is an
 * email (HTML by default; `kind: 'mjml' | 'eml'`) linted with only that rule on:
 *
 *   new RuleTester().run('no-center', rule, {
 *     valid: ['<p>Hi</p>'],
 *     invalid: [{ code: '<center>Hi</center>', errors: [{ messageId: 'center', line: 1 }] }],
 *   });
 *
 * A valid case must give no finding; an invalid one exactly the listed errors, in source
 * order (`messageId` or `message` — a string or RegExp —, `line`/`column`/`endLine`/
 * `endColumn` and `severity` (1 warn, 2 error) when given; `errors: 2` checks only the count).
 * A case runs the rule at `severity: 'error'` unless it says `severity: 'warn'`. `output` is the text after
 * applying each finding's edit (its `fix` when the engine gives one, else its first
 * suggestion); `suggestions: [{ desc?, output }]` on an error checks each suggestion.
 * A rule that throws fails the case with the rule's message.
 *
 * Each case becomes an `it()` inside a `describe(name)`: the test framework's functions are
 * taken from the constructor (`new RuleTester({ describe, it })`), else from
 * `RuleTester.describe` / `RuleTester.it`, else from globals (`describe`, `it`: vitest with
 * globals, jest, mocha). Without any, `run()` runs the cases itself and its promise rejects
 * with every failure.
 */
import type { AnyRule, InputKind } from '../rule.js';
import type { LintMessage } from '../engine/types.js';
import { lintDocument } from '../engine/linter.js';
import { applyEdits, type TextEdit } from '../engine/edits.js';
import { documentFromText } from '../input/index.js';

export interface ValidTestCase {
  code: string;
  /** A name for the test (default: the start of the code). */
  name?: string;
  /** Input kind (default: from `filePath`, else html). */
  kind?: InputKind;
  /** The file name the document gets (default `test.html` / `test.mjml` / `test.eml`). */
  filePath?: string;
  /** Rule options (merged over the defaults, validated like a config's). */
  options?: Record<string, unknown>;
  /** The severity the rule is configured with (default `error`); a finding may report its own. */
  severity?: 'warn' | 'error';
  subject?: string;
  preheader?: string;
  mailType?: 'marketing' | 'transactional';
  /** Run only this case (`it.only`), when the framework supports it. */
  only?: boolean;
}

export interface TestCaseError {
  messageId?: string;
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The finding's severity: 1 (warn) or 2 (error). */
  severity?: 1 | 2;
  /** The finding's suggestions, in order: each one's description (optional) and the text after applying it. */
  suggestions?: Array<{ desc?: string | RegExp; output: string }>;
}

export interface InvalidTestCase extends ValidTestCase {
  /** The expected findings in source order, or their number. */
  errors: number | Array<TestCaseError | string>;
  /** The text after applying every finding's edit (null: no finding has one). */
  output?: string | null;
}

export interface RunTests {
  valid: ReadonlyArray<ValidTestCase | string>;
  invalid: ReadonlyArray<InvalidTestCase>;
}

type Body = () => Promise<void> | void;
type DescribeFn = (name: string, body: () => void) => unknown;
type ItFn = ((name: string, body: Body) => unknown) & { only?: (name: string, body: Body) => unknown };

export interface RuleTesterConfig {
  describe?: DescribeFn;
  it?: ItFn;
  /** Defaults for every case (e.g. `{ mailType: 'transactional' }`). */
  defaults?: Partial<ValidTestCase>;
}

export class RuleTesterError extends Error {}

const EXT: Record<InputKind, string> = { html: 'test.html', mjml: 'test.mjml', eml: 'test.eml' };
const show = (v: unknown) => (v instanceof RegExp ? String(v) : JSON.stringify(v));

function checkRuleShape(rule: AnyRule): void {
  if (!rule || typeof rule !== 'object' || typeof rule.check !== 'function') throw new RuleTesterError('RuleTester: the rule must be an object with a check() function (what defineRule() returns)');
  if (!rule.messages || typeof rule.messages !== 'object') throw new RuleTesterError(`RuleTester: rule "${rule.id}" has no messages object`);
}

export class RuleTester {
  /** The framework's describe/it used when the constructor is given none. */
  static describe?: DescribeFn;
  static it?: ItFn;
  private readonly config: RuleTesterConfig;

  constructor(config: RuleTesterConfig = {}) {
    this.config = config;
  }

  /**
   * The documented examples of a rule as test cases (each invalid example: exactly one finding,
   * with its messageId when given), the test every built-in rule passes.
   */
  static examples(rule: AnyRule): RunTests {
    const base = (ex: AnyRule['examples']['valid'][number]): ValidTestCase => ({
      code: ex.code,
      ...(ex.title ? { name: ex.title } : {}),
      ...(ex.kind ? { kind: ex.kind } : {}),
      ...(ex.options ? { options: ex.options } : {}),
      ...(ex.subject !== undefined ? { subject: ex.subject } : {}),
      ...(ex.preheader !== undefined ? { preheader: ex.preheader } : {}),
      ...(ex.mailType ? { mailType: ex.mailType } : {}),
    });
    return {
      valid: rule.examples?.valid.map(base) ?? [],
      invalid: rule.examples?.invalid.map((ex) => ({ ...base(ex), errors: [ex.messageId ? { messageId: ex.messageId } : {}] })) ?? [],
    };
  }

  /** Registers (or, without a framework, runs) one test per case. */
  run(name: string, rule: AnyRule, tests: RunTests): Promise<void> {
    checkRuleShape(rule);
    const g = globalThis as { describe?: DescribeFn; it?: ItFn };
    const describe = this.config.describe ?? RuleTester.describe ?? g.describe;
    const it = this.config.it ?? RuleTester.it ?? g.it;
    const cases: Array<{ title: string; only?: boolean; body: () => Promise<void> }> = [];
    tests.valid.forEach((c, i) => {
      const tc = typeof c === 'string' ? { code: c } : c;
      cases.push({ title: `valid ${i + 1}: ${tc.name ?? tc.code.slice(0, 60)}`, only: tc.only, body: () => this.runValid(rule, tc) });
    });
    tests.invalid.forEach((c, i) => {
      cases.push({ title: `invalid ${i + 1}: ${c.name ?? c.code.slice(0, 60)}`, only: c.only, body: () => this.runInvalid(rule, c) });
    });
    if (describe && it) {
      describe(name, () => {
        for (const c of cases) (c.only && it.only ? it.only : it)(c.title, c.body);
      });
      return Promise.resolve();
    }
    return (async () => {
      const failures: string[] = [];
      for (const c of cases) {
        try {
          await c.body();
        } catch (err) {
          failures.push(`${name} › ${c.title}: ${(err as Error)?.message ?? String(err)}`);
        }
      }
      if (failures.length) throw new RuleTesterError(`${failures.length} of ${cases.length} case(s) failed:\n${failures.join('\n')}`);
    })();
  }

  private async lintCase(rule: AnyRule, c: ValidTestCase): Promise<{ messages: LintMessage[]; code: string }> {
    const tc = { ...this.config.defaults, ...c };
    const kind = tc.kind ?? (tc.filePath ? undefined : 'html');
    const filePath = tc.filePath ?? EXT[kind ?? 'html'];
    const doc = await documentFromText(filePath, tc.code, {
      ...(kind ? { kind } : {}),
      ...(tc.subject !== undefined ? { subject: tc.subject, subjectSource: 'option' as const } : {}),
      ...(tc.preheader !== undefined ? { preheader: tc.preheader, preheaderSource: 'option' as const } : {}),
      ...(tc.mailType ? { mailType: tc.mailType } : {}),
    });
    const result = lintDocument(doc, {
      rules: { [rule.id]: { severity: tc.severity ?? 'error', ...(tc.options ? { options: tc.options } : {}) } },
      ruleSet: [rule],
      reportUnusedDirectives: false,
    });
    const crash = result.messages.find((m) => m.fatal);
    if (crash) throw new RuleTesterError(crash.message);
    return { messages: result.messages.filter((m) => m.ruleId === rule.id), code: doc.text };
  }

  private async runValid(rule: AnyRule, c: ValidTestCase): Promise<void> {
    const { messages } = await this.lintCase(rule, c);
    if (messages.length) {
      throw new RuleTesterError(`expected no finding, got ${messages.length}:\n${messages.map((m) => `  ${m.line}:${m.column} ${m.messageId}: ${m.message}`).join('\n')}`);
    }
  }

  private async runInvalid(rule: AnyRule, c: InvalidTestCase): Promise<void> {
    const want = typeof c.errors === 'number' ? c.errors : c.errors.length;
    if (typeof c.errors !== 'number' && !c.errors.length) throw new RuleTesterError('an invalid case needs at least one expected error (use valid for none)');
    if (typeof c.errors === 'number' && c.errors < 1) throw new RuleTesterError('an invalid case needs errors ≥ 1 (use valid for none)');
    const { messages, code } = await this.lintCase(rule, c);
    const list = messages.map((m) => `  ${m.line}:${m.column} ${m.messageId}: ${m.message}`).join('\n');
    if (messages.length !== want) throw new RuleTesterError(`expected ${want} finding(s), got ${messages.length}${list ? `:\n${list}` : ''}`);
    if (typeof c.errors !== 'number') {
      c.errors.forEach((e, i) => {
        const m = messages[i];
        const err: TestCaseError = typeof e === 'string' ? { message: e } : e;
        const where = `finding ${i + 1} (${m.line}:${m.column} ${m.messageId}: ${m.message})`;
        if (err.messageId !== undefined) {
          if (!(err.messageId in rule.messages)) throw new RuleTesterError(`errors[${i}].messageId ${show(err.messageId)} is not one of the rule's messages (${Object.keys(rule.messages).join(', ')})`);
          if (m.messageId !== err.messageId) throw new RuleTesterError(`${where}: expected messageId ${show(err.messageId)}`);
        }
        if (err.message !== undefined) {
          const ok = err.message instanceof RegExp ? err.message.test(m.message) : m.message === err.message;
          if (!ok) throw new RuleTesterError(`${where}: expected message ${show(err.message)}`);
        }
        for (const k of ['line', 'column', 'endLine', 'endColumn', 'severity'] as const) {
          if (err[k] !== undefined && m[k] !== err[k]) throw new RuleTesterError(`${where}: expected ${k} ${err[k]}, got ${m[k]}`);
        }
        if (err.suggestions) {
          const got = m.suggestions ?? [];
          if (got.length !== err.suggestions.length) throw new RuleTesterError(`${where}: expected ${err.suggestions.length} suggestion(s), got ${got.length}`);
          err.suggestions.forEach((s, j) => {
            const desc = got[j].desc;
            if (s.desc !== undefined && !(s.desc instanceof RegExp ? s.desc.test(desc) : s.desc === desc)) {
              throw new RuleTesterError(`${where}: suggestion ${j + 1} is ${show(desc)}, expected ${show(s.desc)}`);
            }
            const out = applyEdits(code, [got[j].fix]);
            if (out !== s.output) throw new RuleTesterError(`${where}: suggestion ${j + 1} gives\n${out}\nexpected\n${s.output}`);
          });
        }
      });
    }
    if (c.output !== undefined) {
      const edits: TextEdit[] = [];
      let end = -1;
      for (const m of [...messages].sort((a, b) => a.range.start - b.range.start)) {
        const edit = (m as { fix?: TextEdit }).fix ?? m.suggestions?.[0]?.fix;
        if (!edit || edit.range.start < end) continue;
        edits.push(edit);
        end = edit.range.end;
      }
      if (c.output === null) {
        if (edits.length) throw new RuleTesterError(`expected no edit (output: null), got ${edits.length}`);
      } else {
        const out = applyEdits(code, edits);
        if (out !== c.output) throw new RuleTesterError(`output differs:\n${out}\nexpected\n${c.output}`);
      }
    }
  }
}
