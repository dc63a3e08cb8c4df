// The page state's refusals and bookkeeping, without machines: scale-out beyond the tab's memory
// budget is refused with the reason, before anything runs.
import { describe, expect, it } from 'vitest';
import { vmStrings } from './strings';
import type { Host } from './host-probe';
import { VmCompare } from './vm-compare.svelte';

const untouchable = new Proxy({}, { get: () => () => { throw new Error('the host was asked something'); } }) as Host;

describe('the VM page state', () => {
  it('boots the Linux VM unless told otherwise, and refuses more VMs than the tab\'s memory holds', async () => {
    const compare = new VmCompare(() => untouchable, () => vmStrings.en.bars);
    try {
      expect(compare.kind).toBe('linux');
      // the whole tab measured at 420 MB: one 33 MB Linux VM fits under 450 MB, three do not
      compare.memory = { mb: 420, what: 'measureUserAgentSpecificMemory' };
      expect(compare.scaleLimit).toBe(1);
      await compare.scaleOut(3);
      expect(compare.error).toBe("Refused: 3 more VMs (Linux 6.1) would not fit in this tab's 450 MB budget; at most 1.");
      expect(compare.scale).toBeNull();
      // DockOS costs 17 MB: still one
      compare.kind = 'dockos';
      expect(compare.scaleLimit).toBe(1);
      compare.memory = { mb: 300, what: 'measureUserAgentSpecificMemory' };
      expect(compare.scaleLimit).toBe(8);
    } finally {
      compare.dispose();
    }
  });
});
