// Writes frames to the agent's port (/dev/hvc0); a frame is written whole before the next starts.
// Frames are ASCII, so C stdio can write the string as is (no per-byte JavaScript).
import * as std from 'std';
import { encodeFrame, type GuestMessage } from '../../protocol/control';

export class FrameWriter {
  private readonly file: std.FILE;

  constructor(fd: number) {
    const file = std.fdopen(fd, 'w');
    if (!file) throw new Error(`cannot write to fd ${fd}`);
    this.file = file;
  }

  /** A line that already is a frame (from the engine daemon), newline included. */
  sendLine(line: string): void {
    this.file.puts(line);
    this.file.flush();
  }

  send(message: GuestMessage): void {
    this.file.puts(encodeFrame(message));
    this.file.flush();
  }
}
