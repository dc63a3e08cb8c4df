// Bytes as "binary strings" (one char per byte, U+0000..U+00FF), the way bytes cross the
// control channel. Converting is one native call per chunk (String.fromCharCode.apply),
// which matters in the guest: a JavaScript loop over every byte costs ≈ 14 µs per byte
// in QuickJS under emulation, so base64 in JS made a 64 KiB transfer take seconds.

const CHUNK = 8192;

export function bytesToBinary(bytes: Uint8Array, length = bytes.length): string {
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

export function binaryToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
