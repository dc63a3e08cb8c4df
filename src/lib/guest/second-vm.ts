// The VM page's second machine, whichever OS it boots: the realistic one (the Linux VM, a full
// kernel) or our own tiny one (DockOS). One type and one boot function for the page and the tests.
import type { ArtifactSource } from './artifacts';
import { LINUX_VM_MEMORY_MB, LinuxVm, loadLinuxVmFiles, type LinuxVmFiles } from './linux-vm';
import { SECOND_VM_VGA_MB } from './serial-vm';
import { loadTinyVmFiles, TINY_VM_MEMORY_MB, TinyVm, type TinyVmFiles } from './tiny-vm';

export type VmKind = 'linux' | 'dockos';
export const VM_KINDS: readonly VmKind[] = ['linux', 'dockos'];
export type SecondVm = LinuxVm | TinyVm;

export type SecondVmFiles =
  | { kind: 'linux'; files: LinuxVmFiles }
  | { kind: 'dockos'; files: TinyVmFiles };

/** What one machine of a kind costs the tab up front: its RAM and its VGA memory (v86 allocates both). */
export function vmCostMb(kind: VmKind): number {
  return (kind === 'linux' ? LINUX_VM_MEMORY_MB : TINY_VM_MEMORY_MB) + SECOND_VM_VGA_MB;
}

export async function loadSecondVmFiles(source: ArtifactSource, kind: VmKind): Promise<SecondVmFiles> {
  return kind === 'linux'
    ? { kind, files: await loadLinuxVmFiles(source) }
    : { kind, files: await loadTinyVmFiles(source) };
}

export function bootSecondVm(wasmPath: string, loaded: SecondVmFiles, timeoutMs?: number): Promise<SecondVm> {
  return loaded.kind === 'linux'
    ? LinuxVm.boot({ wasmPath, files: loaded.files, timeoutMs })
    : TinyVm.boot({ wasmPath, files: loaded.files, timeoutMs });
}

/** Whether the machine's transcript shows its own kernel's panic. */
export function secondVmPanicked(kind: VmKind, transcript: string): boolean {
  return kind === 'linux' ? LinuxVm.panicked(transcript) : TinyVm.panicked(transcript);
}
