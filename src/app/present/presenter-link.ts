// The presenter's side of the channel: passes on the terminal's output (and keeps its last
// part for windows that join late), the display state and the pictures' data, and answers
// an audience's hello with everything at once. A clicker used on the audience window comes
// back here as a remote action.
import { TerminalBacklog } from '../../lib/present/backlog';
import { presenterMessage, type DisplayState, type Message, type PictureSnapshot, type RemoteAction } from '../../lib/present/protocol';
import { openChannel, windowId, type Channel } from './channel';

export class PresenterLink {
  readonly id = windowId();
  readonly #backlog = new TerminalBacklog();
  readonly #channel: Channel | null;
  #display: DisplayState;
  #shown = '';
  #picture: PictureSnapshot | null = null;
  /** audience windows heard from (hello) since this presenter opened */
  #audiences = 0;

  constructor(display: DisplayState, private readonly on: { onRemote: (action: RemoteAction) => void; onJoin: (count: number) => void }) {
    this.#display = display;
    this.#channel = openChannel((m) => this.#heard(m));
  }

  get available(): boolean {
    return this.#channel !== null;
  }

  /** Tells every open audience window to start over from this presenter. */
  announce(): void {
    this.#post({ kind: 'sync', to: null, display: this.#display, terminal: this.#terminal(), picture: this.#picture });
  }

  output(bytes: Uint8Array): void {
    const seq = this.#backlog.push(bytes);
    this.#post({ kind: 'term', seq, bytes });
  }

  /** Keeps output printed before the link existed, for late joiners, without sending it. */
  remember(bytes: Uint8Array): void {
    this.#backlog.push(bytes);
  }

  show(display: DisplayState): void {
    this.#display = display;
    const key = JSON.stringify(display);
    if (key === this.#shown) return;
    this.#shown = key;
    this.#post({ kind: 'show', display });
  }

  picture(picture: PictureSnapshot): void {
    this.#picture = picture;
    this.#post({ kind: 'picture', picture });
  }

  close(): void {
    this.#post({ kind: 'bye' });
    this.#channel?.close();
  }

  #terminal() {
    return { seq: this.#backlog.seq, bytes: this.#backlog.bytes() };
  }

  #heard(message: Message): void {
    if (message.role !== 'audience') return;
    if (message.kind === 'hello') {
      this.on.onJoin(++this.#audiences);
      this.#post({ kind: 'sync', to: message.from, display: this.#display, terminal: this.#terminal(), picture: this.#picture });
    } else {
      this.on.onRemote(message.action);
    }
  }

  #post(body: Parameters<typeof presenterMessage>[1]): void {
    try {
      this.#channel?.post(presenterMessage(this.id, body));
    } catch (error) {
      // one message that cannot be copied must not stop the presentation
      console.warn('[dockhand] could not send to the audience:', error);
    }
  }
}
