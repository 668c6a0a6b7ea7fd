/**
 * The CLI's SARIF output validates against the official SARIF 2.1.0 schema (draft-04, shipped
 * by @microsoft/jest-sarif), for the demo email and for a run with a file that cannot be read.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// CommonJS modules: their `exports.default` is the constructor / plugin (node's default import is `module.exports`).
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin/inboxlint.js');
const SCHEMA = join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const DEMO = join(root, 'fixtures/demo/newsletter.html');

function sarifOf(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, '--format', 'sarif', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, log: JSON.parse(r.stdout), stderr: r.stderr };
}

let validate: ValidateFunction;
beforeAll(() => {
  // unicodeRegExp off: the official schema's language pattern has a stray "]" that is invalid with the u flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
});

const errorsOf = () => JSON.stringify(validate.errors?.slice(0, 5), null, 2);

describe('SARIF 2.1.0', () => {
  it('the validator rejects a broken log (so a pass means something)', () => {
    const { log } = sarifOf([DEMO], root);
    expect(validate(log)).toBe(true);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
    const zeroLine = structuredClone(log);
    zeroLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(zeroLine)).toBe(false);
  });

  it('the demo email: valid, with rules, results and %SRCROOT%-relative locations', () => {
    const { code, log } = sarifOf(['fixtures/demo/newsletter.html'], root);
    expect(validate(log), errorsOf()).toBe(true);
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif/);
    const run = log.runs[0];
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(run.tool.driver).toMatchObject({ name: 'inboxlint', version: pkg.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.results.length).toBeGreaterThan(0);
    const rules = run.tool.driver.rules;
    for (const res of run.results) {
      expect(rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning']).toContain(res.level);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation).toMatchObject({ uri: 'fixtures/demo/newsletter.html', uriBaseId: '%SRCROOT%' });
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(loc.region.startColumn).toBeGreaterThan(0);
    }
    const imgAlt = rules.find((r: { id: string }) => r.id === 'img-alt');
    expect(imgAlt.helpUri).toMatch(/rules\/img-alt\/README\.md$/);
    expect(imgAlt.defaultConfiguration.level).toBe('error');
    expect(imgAlt.properties.category).toBe('accessibility');
    expect(imgAlt.help.markdown).toContain(imgAlt.helpUri);
    expect(run.results.some((r: { ruleId: string }) => r.ruleId === 'img-alt')).toBe(true);
  });

  it('a file that cannot be read: valid, reported as a tool execution notification', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-sarif-'));
    writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    writeFileSync(join(dir, 'ok.html'), readFileSync(DEMO));
    const { code, log, stderr } = sarifOf(['binary.html', 'ok.html', 'missing.html'], dir);
    expect(validate(log), errorsOf()).toBe(true);
    expect(code).toBe(2);
    expect(stderr).toContain('binary.html');
    const run = log.runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    const notes = run.invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(2);
    expect(notes[0].level).toBe('error');
    expect(notes[0].locations[0].physicalLocation.artifactLocation.uri).toBe('binary.html');
    expect(notes[1].locations[0].physicalLocation.artifactLocation.uri).toBe('missing.html');
    expect(run.results.length).toBeGreaterThan(0);
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['binary.html', 'ok.html', 'missing.html']);
  });
});
