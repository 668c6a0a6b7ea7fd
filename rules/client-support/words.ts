/**
 * What a client makes of a button, in words: the one wording of the model's facts
 * (`ButtonOutcome`, src/model/client-support.ts), read by the rule's message and by the
 * snapshot's client matrix (the preview's and the report's button list).
 */
import type { ButtonOutcome } from '../../src/model/client-support.js';

/** A box feature a button may lose, as the reader would name it. */
const FEATURE_WORDS: Readonly<Record<string, string>> = {
  'css-padding': 'padding',
  'css-border-radius': 'rounded corners',
  'css-background-image': 'background image',
  'css-width': 'width',
  'css-height': 'height',
  'css-display': 'inline-block box',
  'css-border': 'border',
};

function joinWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "loses its padding and rounded corners: a 20 px tall text link". */
export function buttonOutcomeText(o: Omit<ButtonOutcome, 'clients'>): string {
  if (o.outlook) {
    const rounded = o.lost.includes('css-border-radius');
    return o.outlook.cell === 'shape'
      ? `loses the padding of its link${rounded ? ' and its rounded corners' : ''}: the cell paints a button tight around the text, about ${o.outlook.height} px tall`
      : `loses its padding${rounded ? ' and rounded corners' : ''}: a ${o.outlook.height} px tall text link`;
  }
  return `loses its ${joinWords(o.lost.map((slug) => FEATURE_WORDS[slug] ?? slug))}`;
}
