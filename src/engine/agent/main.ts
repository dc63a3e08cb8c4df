// The guest agent: answers control-channel requests from ttyS1 on /dev/hvc0 (see src/protocol/control.ts).
// Runs in QuickJS inside the guest, started by /usr/sbin/dockhand-agent at boot.
import * as os from 'os';
import * as std from 'std';
import { PROTOCOL_VERSION, REPLY_PORT, LineSplitter, portDevice, decodeFrame, type ControlRequest, type GuestMessage } from '../../protocol/control';
import { binaryToBytes } from '../../protocol/binary-string';
import { runCommand } from './exec';
import { EngineLink } from './engine-link';
import { FrameWriter } from './frame-writer';
import { openHostPort } from '../kernel';

// A reader that went away must not kill the agent. A JS handler (not "ignore") keeps
// SIGPIPE's default for the commands it starts: handlers are reset by exec, ignores are not.
os.signal(os.SIGPIPE, () => {});

const device = scriptArgs[1] ?? '/dev/ttyS1';
const fd = os.open(device, os.O_RDWR);
if (fd < 0) {
  std.err.puts(`dockhand-agent: cannot open ${device}\n`);
  std.exit(1);
}
// replies go back on their own virtio-console port (protocol/control.ts)
const outFd = openHostPort(REPLY_PORT);
if (outFd < 0) {
  std.err.puts(`dockhand-agent: cannot open ${portDevice(REPLY_PORT)}\n`);
  std.exit(1);
}
const out = new FrameWriter(outFd);
// std.loadFile sizes the file with ftell, which is 0 for /proc files: read them as a stream.
function readProc(path: string): string {
  const file = std.open(path, 'r');
  if (!file) return '';
  try {
    return file.readAsString();
  } finally {
    file.close();
  }
}
const bootId = readProc('/proc/sys/kernel/random/boot_id').trim();
const uptimeMs = () => Math.round(parseFloat(readProc('/proc/uptime') || '0') * 1000);
const send = (message: GuestMessage) => out.send(message);
const engine = new EngineLink(
  (line) => out.sendLine(line),
  (id) => send({ id, op: 'error', message: 'the engine daemon went away before it answered' }),
);

function handle(request: ControlRequest): void {
  switch (request.op) {
    case 'ping':
      send({ id: request.id, op: 'pong', version: PROTOCOL_VERSION, bootId, uptimeMs: uptimeMs() });
      return;
    case 'exec':
      runCommand(
        {
          cmd: request.cmd, stdin: request.stdin ? binaryToBytes(request.stdin) : undefined,
          stdinPath: request.stdinPath, timeoutMs: request.timeoutMs, cwd: request.cwd,
        },
        (result) => send({ id: request.id, op: 'exec', ...result }),
      );
      return;
    case 'engine.state':
    case 'engine.subscribe':
      if (!engine.forward(request)) send({ id: request.id, op: 'error', message: 'the engine daemon is not running' });
      return;
    default: {
      const unknown = request as { id?: number; op?: string };
      send({ id: unknown.id ?? -1, op: 'error', message: `unknown op ${String(unknown.op)}` });
    }
  }
}

const lines = new LineSplitter();
const readBuffer = new ArrayBuffer(16384);
os.setReadHandler(fd, () => {
  const n = os.read(fd, readBuffer, 0, readBuffer.byteLength);
  if (n <= 0) return;
  for (const line of lines.pushChunk(new Uint8Array(readBuffer, 0, n))) {
    const request = decodeFrame<ControlRequest>(line);
    if (!request) continue;
    try {
      handle(request);
    } catch (e) {
      send({ id: request.id, op: 'error', message: String(e) });
    }
  }
});

send({ op: 'hello', version: PROTOCOL_VERSION, bootId, uptimeMs: uptimeMs() });
engine.start();
