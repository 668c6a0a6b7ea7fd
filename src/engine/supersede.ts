/**
 * One defect, one finding. A rule may declare that one of its messages covers what another
 * rule would say about the same element (`supersedes: { missing: ['cta-image-only'] }`): when both
 * report at the same source offset, the other rule's finding is dropped. Either rule alone
 * still reports (turning img-alt off brings cta-image-only's finding back).
 */
import type { LintMessage } from './types.js';
import type { AnyRule } from '../rule.js';

export function dropSuperseded(messages: LintMessage[], byId: ReadonlyMap<string, AnyRule>): LintMessage[] {
  const covered = new Set<string>();
  for (const m of messages) {
    if (!m.ruleId || !m.messageId || m.fatal) continue;
    const over = byId.get(m.ruleId)?.supersedes?.[m.messageId];
    if (over) for (const id of over) covered.add(`${id}\u0000${m.range.start}`);
  }
  if (!covered.size) return messages;
  return messages.filter((m) => !(m.ruleId && !m.fatal && covered.has(`${m.ruleId}\u0000${m.range.start}`)));
}
