// Writes frames to the serial device; a frame is written whole before the next starts.
import * as os from 'os';
import { encodeFrame, type GuestMessage } from '../../protocol/control';

export class FrameWriter {
  constructor(private readonly fd: number) {}

  send(message: GuestMessage): void {
    const text = encodeFrame(message);
    const buffer = new ArrayBuffer(text.length);
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    let offset = 0;
    while (offset < bytes.length) {
      const n = os.write(this.fd, buffer, offset, bytes.length - offset);
      if (n <= 0) break; // the line is gone (EIO): nothing left to tell
      offset += n;
    }
  }
}
