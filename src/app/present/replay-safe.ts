// The session as a terminal component should see it when mounted on a session that has run
// for a while (the presenter's terminal, or the course's again after presenting): the replayed
// output without the queries the terminal would answer into the shell. Optionally hears the
// size the terminal tells the guest, so the audience can copy the grid.
import type { GuestSession } from '../../lib/guest/session';
import { withoutQueries } from '../../lib/present/terminal-queries';

export function replaySafe(session: GuestSession, onResize?: (cols: number, rows: number) => void): GuestSession {
  return new Proxy(session, {
    get(target, key) {
      if (key === 'onTerminal') {
        return (listener: (bytes: Uint8Array) => void, replay = true) => {
          let replaying = true; // the backlog is delivered synchronously, before this returns
          const stop = target.onTerminal((bytes) => listener(replaying ? withoutQueries(bytes) : bytes), replay);
          replaying = false;
          return stop;
        };
      }
      if (key === 'resizeTerminal' && onResize) {
        return (cols: number, rows: number) => {
          onResize(Math.floor(cols), Math.floor(rows));
          return target.resizeTerminal(cols, rows);
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
