// The audience window's view of the presentation, as a pure reducer over incoming messages.
// A window that joins late (or a presenter that was reopened) is brought up to date by one
// `sync`; terminal chunks that the sync already contains (seq ≤ its seq) are dropped, and
// chunks from any presenter other than the one synced with are ignored until its own sync.
import type { DisplayState, Message, PictureSnapshot } from './protocol';

export interface AudienceModel {
  /** the presenter followed; null until the first sync */
  presenter: string | null;
  /** the last terminal chunk written */
  seq: number;
  display: DisplayState | null;
  picture: PictureSnapshot | null;
}

/** What the window must do to its terminal after a message. */
export interface TerminalEffect {
  /** clear the terminal before writing (a sync starts from the backlog) */
  reset: boolean;
  write: Uint8Array[];
}

export const EMPTY_AUDIENCE: AudienceModel = { presenter: null, seq: 0, display: null, picture: null };
const NOTHING: TerminalEffect = { reset: false, write: [] };

export function receive(model: AudienceModel, message: Message, self: string): { model: AudienceModel; terminal: TerminalEffect } {
  if (message.role !== 'presenter') return { model, terminal: NOTHING };
  if (message.kind === 'sync') {
    if (message.to !== null && message.to !== self) return { model, terminal: NOTHING };
    return {
      model: { presenter: message.from, seq: message.terminal.seq, display: message.display, picture: message.picture },
      terminal: { reset: true, write: message.terminal.bytes.length ? [message.terminal.bytes] : [] },
    };
  }
  if (message.from !== model.presenter) return { model, terminal: NOTHING };
  switch (message.kind) {
    case 'show': return { model: { ...model, display: message.display }, terminal: NOTHING };
    case 'picture': return { model: { ...model, picture: message.picture }, terminal: NOTHING };
    case 'term':
      if (message.seq <= model.seq) return { model, terminal: NOTHING };
      // a gap means chunks were lost (cannot happen on one channel, but a reopened window may
      // race): still write what came, the next sync repairs the rest
      return { model: { ...model, seq: message.seq }, terminal: { reset: false, write: [message.bytes] } };
    case 'bye': return { model: { ...EMPTY_AUDIENCE }, terminal: NOTHING };
  }
}
