// nftables in the VM: Debian's nft arrives as an add-on after the first shell (it is too big for
// the initramfs; see images/vm/build-nft.sh), is unpacked onto / the first time the engine
// needs it, and then carries the engine's one table (network/nat-rules.ts): DNAT for published
// ports, masquerade, and the isolation between networks. Until then the VM does not forward
// at all (ip_forward 0), which isolates the networks just as well.
import { NFTABLES_ADDON } from '../../protocol/engine';
import * as kernel from '../kernel';
import { renderNatRules, type NatBridge, type NatPublish } from '../network/nat-rules';
import { EngineError } from './create';

const NFT = '/usr/sbin/nft';
const ADDON = `/mnt/host/${NFTABLES_ADDON}`;
const RULES = '/run/dockhand/nat.nft';
const ERRORS = '/run/dockhand/nat.err';
/** the page puts the add-on on the share a moment after the first shell: wait this long for it */
const ADDON_WAIT_MS = 10_000;

export const nftablesLoaded = (): boolean => kernel.exists(NFT);

/** Unpacks nft (once); throws if the host never delivered it. */
export function loadNftables(): void {
  if (nftablesLoaded()) return;
  for (let waited = 0; !kernel.exists(ADDON) && waited < ADDON_WAIT_MS; waited += 100) kernel.pause(100);
  if (!kernel.exists(ADDON)) {
    throw new EngineError(`publishing ports needs nftables, and the page has not delivered it (${ADDON} is missing)`);
  }
  if (!kernel.extractArchive(ADDON, 'gzip', '/') || !nftablesLoaded()) throw new EngineError(`could not unpack ${ADDON}`);
  // DNAT of 127.0.0.1 to a container: the kernel must route a loopback source out of a bridge
  kernel.writeControl('/proc/sys/net/ipv4/conf/all/route_localnet', '1');
}

/** Replaces the engine's table in one transaction; from then on the VM forwards (the rules isolate). */
export function applyNatRules(bridges: readonly NatBridge[], publishes: readonly NatPublish[]): void {
  kernel.mkdirs('/run/dockhand');
  kernel.writeText(RULES, renderNatRules(bridges, publishes));
  if (kernel.runProgram(['sh', '-c', `exec ${NFT} -f ${RULES} 2>${ERRORS}`]) !== 0) {
    throw new EngineError(`nft -f ${RULES} failed: ${(kernel.readText(ERRORS) ?? '').trim()}`);
  }
  kernel.writeControl('/proc/sys/net/ipv4/ip_forward', '1');
}
