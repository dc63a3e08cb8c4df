// The presenter's keys, chosen to work with a presentation clicker: clickers send PageDown /
// PageUp (some the arrow keys) and "b" or "." to blank the screen. PageDown and PageUp are
// taken even while the terminal has focus (a shell demo does not need them); the other keys
// only when focus is not in the terminal or a form field, where they mean something else.
export type KeyAction =
  | { type: 'next' } | { type: 'previous' } | { type: 'blank' } | { type: 'play' }
  | { type: 'zoom'; by: 1 | -1 } | { type: 'spotlight.off' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** focus is in the terminal or a text field */
  typing: boolean;
}

export function keyAction(input: KeyInput): KeyAction | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  if (input.key === 'PageDown') return { type: 'next' };
  if (input.key === 'PageUp') return { type: 'previous' };
  if (input.typing) return null;
  switch (input.key) {
    case 'ArrowRight': case 'ArrowDown': return { type: 'next' };
    case 'ArrowLeft': case 'ArrowUp': return { type: 'previous' };
    case 'b': case 'B': case '.': return { type: 'blank' };
    case 'p': case 'P': return { type: 'play' };
    case '+': case '=': return { type: 'zoom', by: 1 };
    case '-': return { type: 'zoom', by: -1 };
    case 'Escape': return { type: 'spotlight.off' };
    default: return null;
  }
}
