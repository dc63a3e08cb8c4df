// The BroadcastChannel both windows talk on: only well-formed messages of this protocol
// version reach the handler. Same origin, same browser: nothing leaves the machine.
import { CHANNEL_NAME, parseMessage, type Message } from '../../lib/present/protocol';

export interface Channel {
  post(message: Message): void;
  close(): void;
}

export function openChannel(onMessage: (message: Message) => void, name = CHANNEL_NAME): Channel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (message) onMessage(message);
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

/** A window's name on the channel (crypto.randomUUID needs a secure context; a LAN address is not one). */
export function windowId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
