/**
 * One defect, one finding. A rule may declare that one of its messages covers what another
 * rule would say about the same element (`supersedes: { missing: ['cta-image-only'] }`): when both
 * report at the same source offset, the other rule's finding is dropped. Either rule alone
 * still reports (turning img-alt off brings cta-image-only's finding back). `['*', '!id', …]`
 * covers every other rule's findings in the file but those of the `!` rules (uncompiled-source:
 * the file is not email yet; what holds for its markup as written stays).
 */
import type { LintMessage } from './types.js';
import type { AnyRule } from '../rule.js';

export function dropSuperseded(messages: LintMessage[], byId: ReadonlyMap<string, AnyRule>): LintMessage[] {
  const covered = new Set<string>();
  for (const m of messages) {
    if (!m.ruleId || !m.messageId || m.fatal) continue;
    const over = byId.get(m.ruleId)?.supersedes?.[m.messageId];
    // `'*'`: the finding is about the whole file (an uncompiled source): every other rule's finding
    // goes, but those of the rules listed as `'!id'` (findings that hold for the file as written).
    if (over?.includes('*')) {
      const kept = new Set(over.filter((id) => id.startsWith('!')).map((id) => id.slice(1)));
      return messages.filter((x) => x.fatal || !x.ruleId || x.ruleId === m.ruleId || kept.has(x.ruleId));
    }
    if (over) for (const id of over) covered.add(`${id}\u0000${m.range.start}`);
  }
  if (!covered.size) return messages;
  return messages.filter((m) => !(m.ruleId && !m.fatal && covered.has(`${m.ruleId}\u0000${m.range.start}`)));
}
