/** Questions about the parsed tree that every layer asks (domhandler nodes, no email concepts). */
import type { AnyNode } from 'domhandler';
import { checkDeadline } from './deadline.js';

/** True when `node` is `ancestor` or lies inside it. */
export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** Depth-first, source-order walk. Return false from `visit` to skip a node's children. */
export function walk(node: AnyNode, visit: (n: AnyNode) => boolean | void): void {
  const stack: AnyNode[] = [node];
  while (stack.length) {
    checkDeadline();
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    const children = (n as { children?: AnyNode[] }).children;
    if (children?.length) {
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}
