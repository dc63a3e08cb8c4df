// What the VM page's Linux VM (images/vm/build-vm-initramfs.sh) prints on its serial line, read
// back: the kernel's own boot clock (printk timestamps), the banner its /init prints, and the
// answer to one command at the busybox shell's prompt. Pure, so it is tested without booting.

export const LINUX_VM_PROMPT = 'linux-vm# ';

export interface LinuxBanner {
  /** `uname -r`, as /init printed it */
  release: string;
  /** /proc/uptime when /init printed the banner: the kernel's clock since it started */
  uptimeMs: number;
  /** the kernel's clock (printk timestamp) when it started /init: the kernel's own boot */
  kernelInitMs: number | null;
  bootId: string;
}

/** Terminal control sequences the shell's line editor may send (cursor queries, redraws). */
const CONTROL = /\x1b\[[0-9;?]*[A-Za-z]|\r/g;

export const cleanSerial = (text: string): string => text.replace(CONTROL, '');

/** The banner, once all of it and the first prompt after it have arrived; null before. */
export function parseLinuxBanner(text: string): LinuxBanner | null {
  const clean = cleanSerial(text);
  const banner = /^linux-vm: Linux (\S+) up ([\d.]+) s, boot id ([0-9a-f-]{36})$/m.exec(clean);
  if (!banner || !clean.includes(LINUX_VM_PROMPT, banner.index)) return null;
  const init = /^\[\s*(\d+\.\d+)\] Run \/init as init process/m.exec(clean);
  return {
    release: banner[1], uptimeMs: Math.round(Number(banner[2]) * 1000), bootId: banner[3],
    kernelInitMs: init ? Math.round(Number(init[1]) * 1000) : null,
  };
}

/**
 * The answer to `command` in a transcript that starts where the command was sent: what follows
 * the echoed line, up to the next prompt. null while the prompt has not come back.
 */
export function linuxAnswerIn(transcript: string, command: string): string | null {
  const clean = cleanSerial(transcript);
  const echoed = clean.indexOf(command + '\n');
  if (echoed < 0) return null;
  const start = echoed + command.length + 1;
  const end = clean.indexOf(LINUX_VM_PROMPT, start);
  return end < 0 ? null : clean.slice(start, end).replace(/\n$/, '');
}

/** Whether the transcript shows the kernel's panic. */
export const linuxPanicked = (transcript: string): boolean => transcript.includes('Kernel panic - not syncing');
