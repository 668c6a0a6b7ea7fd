/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers). One run; rules from the
 * rule metadata; paths relative to %SRCROOT% (the cwd); files that could not be read become
 * tool execution notifications with executionSuccessful false.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { caniemailInfo } from '../model/clients.js';
import { pathToFileURL } from 'node:url';
import { docsUrlOf, type AnyRule } from '../rule.js';
import { packageVersion } from '../config/package.js';
import type { LintMessage } from '../engine/types.js';
import type { Formatter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/inboxlint/inboxlint';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file).href };
}

const level = (m: LintMessage): 'error' | 'warning' => (m.severity === 2 ? 'error' : 'warning');

function region(m: LintMessage) {
  const r: Record<string, number> = { startLine: Math.max(1, m.line), startColumn: Math.max(1, m.column) };
  if (m.endLine && m.endLine >= r.startLine) {
    r.endLine = m.endLine;
    if (m.endColumn && (m.endLine > r.startLine || m.endColumn >= r.startColumn)) r.endColumn = m.endColumn;
  }
  return r;
}

function ruleDescriptor(rule: AnyRule) {
  const url = docsUrlOf(rule);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale || rule.description },
    help: {
      text: rule.guidance || rule.description,
      markdown: `**${rule.description}**\n\n${rule.rationale}\n\n**What to do:** ${rule.guidance}\n\n**Sources:**\n\n${rule.sources.map((s) => `- ${s}`).join('\n')}${url ? `\n\n[Documentation](${url})` : ''}`,
    },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
    properties: { category: rule.category, tags: ['email', rule.category], recommended: rule.recommended },
  };
}

export const sarif: Formatter = (results, ctx) => {
  const ids = Object.keys(ctx.rulesMeta).sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const artifacts: Array<{ location: ArtifactLocation }> = [];
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const index = artifacts.length;
    const loc = artifactLocation(r.filePath, ctx.cwd);
    artifacts.push({ location: loc });
    const physical = (m: LintMessage) => ({ physicalLocation: { artifactLocation: { ...loc, index }, region: region(m) } });
    for (const m of r.messages) {
      if (m.fatal) {
        notifications.push({
          level: 'error',
          message: { text: m.message },
          locations: [physical(m)],
          ...(m.ruleId ? { associatedRule: { id: m.ruleId, ...(ruleIndex.has(m.ruleId) ? { index: ruleIndex.get(m.ruleId) } : {}) } } : {}),
        });
        continue;
      }
      const res: Record<string, unknown> = {
        ruleId: m.ruleId ?? 'inboxlint',
        level: level(m),
        message: { text: m.message },
        locations: [physical(m)],
      };
      if (m.ruleId && ruleIndex.has(m.ruleId)) res.ruleIndex = ruleIndex.get(m.ruleId);
      sarifResults.push(res);
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'inboxlint',
            version: packageVersion(),
            semanticVersion: packageVersion(),
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => ruleDescriptor(ctx.rulesMeta[id])),
            // The date of the caniemail data client-support judged with.
            ...(ids.includes('client-support') ? { properties: { caniemailData: caniemailInfo().updated, caniemailSource: caniemailInfo().source } } : {}),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/')}` } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
