import { describe, expect, it } from 'vitest';
import { LINUX_VM_MEMORY_MB } from './linux-vm';
import { secondVmPanicked, vmCostMb, VM_KINDS } from './second-vm';
import { TINY_VM_MEMORY_MB } from './tiny-vm';

describe('the second VM, either kind', () => {
  it('costs its RAM and 1 MB of video memory, the Linux VM first in the list (the default)', () => {
    expect(VM_KINDS[0]).toBe('linux');
    expect(vmCostMb('linux')).toBe(LINUX_VM_MEMORY_MB + 1);
    expect(vmCostMb('dockos')).toBe(TINY_VM_MEMORY_MB + 1);
  });

  it('knows each kernel\'s panic by its own words', () => {
    expect(secondVmPanicked('linux', '[ 1.0] Kernel panic - not syncing: Attempted to kill init!')).toBe(true);
    expect(secondVmPanicked('linux', 'DockOS panic')).toBe(false);
    expect(secondVmPanicked('dockos', '*** DockOS panic: asked to ***')).toBe(true);
  });
});
