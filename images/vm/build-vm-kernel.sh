#!/usr/bin/env bash
# The VM page's Linux VM: Linux 6.1 from bookworm's linux-source-6.1, by the same recipe as the
# host's kernel (build-kernel.sh), with a smaller fragment (vm-kernel.fragment) and its busybox
# initramfs (build-vm-initramfs.sh) built in: one file, public/vm/linux-vm/bzImage.
# Built in, not a separate initrd, because v86 loads an initrd at 64 MB: the machine would need
# over 64 MB of RAM; this way 32 MB boot it. A different kernel than the container host's 6.12:
# that is the VM page's point.
source "$(dirname "$0")/../lib/common.sh"
bash "$IMAGES_DIR/vm/build-vm-initramfs.sh"
bash "$IMAGES_DIR/vm/build-kernel.sh" 6.1 vm-kernel.fragment linux-vm/bzImage vm-kernel "$WORK/linux-vm-initramfs.cpio"
echo "$(cat "$WORK/vm-kernel.source") + initramfs: $(cat "$WORK/linux-vm-initramfs.source")" > "$WORK/vm-kernel.source"
