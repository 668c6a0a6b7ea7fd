/** Questions about the parsed tree that every layer asks (domhandler nodes, no email concepts). */
import type { AnyNode } from 'domhandler';

/** True when `node` is `ancestor` or lies inside it. */
export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}
