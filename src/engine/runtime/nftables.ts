// nftables in the VM: Debian's nft arrives as an add-on after the first shell (it is too big for
// the initramfs; see images/vm/build-nft.sh). The daemon unpacks it in the background as soon
// as it is on the share (or at once, if a -p needs it first), and from then on the engine's one
// table (network/nat-rules.ts) carries DNAT for published ports, masquerade, and the isolation
// between networks. Until then the VM does not forward at all (ip_forward 0), which isolates
// the networks just as well.
import { NFTABLES_ADDON, NFTABLES_UNPACKED } from '../../protocol/engine';
import * as kernel from '../kernel';
import type { NatCounter } from '../../protocol/engine';
import { NAT_TABLE, parseNatCounters, renderNatRules, type NatBridge, type NatPublish } from '../network/nat-rules';
import { EngineError } from './create';

const NFT = '/usr/sbin/nft';
const ADDON = `/mnt/host/${NFTABLES_ADDON}`;
const UNPACK = ['/bin/sh', '-c', `tar -xzf ${ADDON} -C / && : > ${NFTABLES_UNPACKED}`];
const RULES = '/run/dockhand/nat.nft';
const ERRORS = '/run/dockhand/nat.err';
/** the page puts the add-on on the share a moment after the first shell: wait this long for it */
const ADDON_WAIT_MS = 10_000;
/** a background unpack under way: a -p waits for it (at most this long) rather than unpack twice */
const UNPACK_WAIT_MS = 60_000;

let unpacking = false;

export const nftablesLoaded = (): boolean => kernel.exists(NFTABLES_UNPACKED);

/** Makes nft usable now (unpacks it, or waits for the background unpack); throws if the host never delivered it. */
export function loadNftables(): void {
  if (nftablesLoaded()) return;
  if (unpacking) {
    for (let waited = 0; !nftablesLoaded() && waited < UNPACK_WAIT_MS; waited += 100) kernel.pause(100);
  } else {
    for (let waited = 0; !kernel.exists(ADDON) && waited < ADDON_WAIT_MS; waited += 100) kernel.pause(100);
    if (!kernel.exists(ADDON)) {
      throw new EngineError(`publishing ports needs nftables, and the page has not delivered it (${ADDON} is missing)`);
    }
    kernel.runProgram(UNPACK);
  }
  if (!nftablesLoaded()) throw new EngineError(`could not unpack ${ADDON}`);
  routeLocalnet();
}

/**
 * At daemon start: once the add-on is on the share, unpack it beside the daemon (commands keep
 * being served) and call `loaded` — the daemon then puts the isolation into nftables.
 */
export function unpackWhenDelivered(loaded: () => void, everyMs = 1000): void {
  if (nftablesLoaded()) return;
  if (!kernel.exists(ADDON)) {
    kernel.after(everyMs, () => unpackWhenDelivered(loaded, everyMs));
    return;
  }
  unpacking = true;
  void kernel.runProgramAsync(UNPACK, {}).then(() => {
    unpacking = false;
    if (!nftablesLoaded()) return; // a -p reports the failure when it needs nft
    routeLocalnet();
    loaded();
  });
}

/** DNAT of 127.0.0.1 to a container: the kernel must route a loopback source out of a bridge. */
function routeLocalnet(): void {
  kernel.writeControl('/proc/sys/net/ipv4/conf/all/route_localnet', '1');
}

/** The table as last loaded, for the pictures (null until nftables carries it). */
export const loadedNatRules = (): string | null => (nftablesLoaded() ? kernel.readText(RULES) : null);

/**
 * The NAT rules' packet counters, for the pictures: one `nft list table` (a process start,
 * ≈ 40 ms and more), so only when the loaded table (`rules`, from loadedNatRules) has a DNAT
 * rule; null otherwise. The exec is kept out of the x-ray: it is the pictures' cost, not a command's.
 */
export function natCounters(rules: string | null): NatCounter[] | null {
  if (!rules || !/ dnat to /.test(rules)) return null;
  const listing = kernel.untraced(() => kernel.programOutput([NFT, 'list', 'table', 'ip', NAT_TABLE]));
  return listing === null ? null : parseNatCounters(listing);
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
