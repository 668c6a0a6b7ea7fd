/**
 * What the style service reads of a document: its tree, its source text and where things are in
 * it — none of the email concepts. `EmailDocument` satisfies it; the service never imports the
 * model, so the model can build on the service without a cycle.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import type { Range, Span } from '../model/location.js';

export interface StyledSource {
  /** The HTML text every range refers to. */
  readonly text: string;
  /** The main tree (what web clients render). */
  readonly dom: Document;
  readonly htmlElement: Element | undefined;
  readonly body: Element | undefined;
  /** Elements of the main tree, in source order. */
  readonly renderedElements: Element[];
  /** Elements of every tree (the main tree and the conditional comments' markup). */
  readonly elements: Element[];
  /** The hidden preheader block, if any (its text is preview text, not body text). */
  readonly preheaderElement: Element | undefined;
  /** Truthy when `node` sits inside an MSO conditional comment (Outlook-only markup). */
  conditionalOf(node: AnyNode): unknown;
  /** An attribute as written, with the ranges of its name and value. */
  attr(el: Element, name: string): { nameRange: Range; valueRange: Range } | undefined;
  /** The 1-based span of a range in the file the user edits. */
  span(range: Range): Span;
}
