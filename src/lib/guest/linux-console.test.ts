import { describe, expect, it } from 'vitest';
import { cleanSerial, linuxAnswerIn, linuxPanicked, LINUX_VM_PROMPT, parseLinuxBanner } from './linux-console';

// the end of a real boot (Linux 6.1.192 in v86), as the serial line carries it
const BOOT = [
  '[    0.000000] Linux version 6.1.192 (dockhand@images) (gcc (Debian 12.2.0-14+deb12u1) 12.2.0) #2 2026-11-26',
  '[    0.592601] Serial: 8250/16550 driver, 4 ports, IRQ sharing disabled',
  '[    1.557718] Freeing unused kernel image (initmem) memory: 1132K',
  '[    1.589936] Run /init as init process',
  'linux-vm: Linux 6.1.192 up 1.78 s, boot id 53954ae2-4c2b-4499-bc19-c7996ebfb099',
  '', '', 'BusyBox v1.37.0 (Debian 1:1.37.0-6+b9) built-in shell (ash)',
  "Enter 'help' for a list of built-in commands.", '', `${LINUX_VM_PROMPT}\x1b[6n`,
].join('\r\n');

describe('the Linux VM\'s console, read back', () => {
  it('reads the banner and the kernel\'s own clock once the prompt is there', () => {
    expect(parseLinuxBanner(BOOT)).toEqual({
      release: '6.1.192', uptimeMs: 1780, kernelInitMs: 1590, bootId: '53954ae2-4c2b-4499-bc19-c7996ebfb099',
    });
    // not before the prompt that follows the banner
    expect(parseLinuxBanner(BOOT.slice(0, BOOT.indexOf('BusyBox')))).toBeNull();
    expect(parseLinuxBanner(BOOT.replace(/\[ +1\.589936\] Run \/init as init process\r\n/, ''))?.kernelInitMs).toBeNull();
  });

  it('reads one command\'s answer between its echo and the next prompt, without terminal control sequences', () => {
    const said = 'uname -r\r\n6.1.192\r\nlinux-vm# \x1b[6n';
    expect(linuxAnswerIn(said, 'uname -r')).toBe('6.1.192');
    expect(linuxAnswerIn('uname -r\r\n6.1.19', 'uname -r')).toBeNull();
    expect(linuxAnswerIn('ls -d /proc/[0-9]* | wc -l\r\n17\r\nlinux-vm# ', 'ls -d /proc/[0-9]* | wc -l')).toBe('17');
    expect(linuxAnswerIn('true\r\nlinux-vm# ', 'true')).toBe('');
    expect(cleanSerial('a\x1b[6nb\r\n')).toBe('ab\n');
  });

  it('knows the kernel\'s panic', () => {
    expect(linuxPanicked('[ 2.1] Kernel panic - not syncing: No working init found.')).toBe(true);
    expect(linuxPanicked(BOOT)).toBe(false);
  });
});
