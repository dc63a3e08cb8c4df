// The one description of the guest machine, shared by cold boots, the state builder and
// restores (a saved state only fits the machine it was saved from).
import { EVENT_PORT, REPLY_PORT } from '../../protocol/control';

export const GUEST_MEMORY_MB = 128;
/** the VGA card's memory (v86 always has one; the guest uses the serial console) */
export const GUEST_VGA_MB = 2;
/** init_on_free=1: freed pages are zeroed, so the saved state compresses better (4.6 → 3.8 MB). */
export const KERNEL_CMDLINE = 'console=ttyS0 tsc=reliable mitigations=off random.trust_cpu=on init_on_free=1';
/** ttyS0: the student's shell; ttyS1: the control channel's requests (host → guest). */
export const TERMINAL_SERIAL = 0;
export const CONTROL_SERIAL = 1;
/** guest → host: virtio-console ports (protocol/control.ts) */
export { REPLY_PORT, EVENT_PORT };
/**
 * The guest code built from src/engine (scripts/lib/bundle-guest.ts): put at the 9p share's
 * top level, from where the guest copies *.js to /opt/dockhand at boot.
 */
export const GUEST_FILES = ['agent.js', 'engine.js'] as const;
export type GuestFiles = Record<(typeof GUEST_FILES)[number], Uint8Array>;

/** A fingerprint of this file's settings, part of the saved state's key. */
export const MACHINE_FINGERPRINT = JSON.stringify({ GUEST_MEMORY_MB, GUEST_VGA_MB, KERNEL_CMDLINE, uart1: true, virtioConsole: [REPLY_PORT, EVENT_PORT], fs: '9p' });
