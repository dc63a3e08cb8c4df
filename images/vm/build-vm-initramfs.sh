#!/usr/bin/env bash
# The VM page's Linux VM initramfs: the host's busybox (build-userland.sh's output) and
# linux-vm-rootfs/ (/init, inittab, profile), nothing else. A plain cpio in $WORK, which
# build-vm-kernel.sh builds into the kernel (zstd'd by the kernel's build: under 1 MB). Packed as build-initramfs.sh packs the host's:
# reproducible, one symlink per applet.
source "$(dirname "$0")/../lib/common.sh"
U="$WORK/userland"
[ -x "$U/busybox" ] || { log "run build-userland.sh first"; exit 1; }
R="$WORK/linux-vm-root"
OUT="$WORK/linux-vm-initramfs.cpio"
rm -rf "$R" && mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,root}
cp -a "$IMAGES_DIR/vm/linux-vm-rootfs/." "$R/"
rm -f "$R/root/.keep"
install -m 755 "$U/busybox" "$R/bin/busybox"
while read -r path; do
  mkdir -p "$R/$(dirname "$path")"
  [ -e "$R/$path" ] || ln -s /bin/busybox "$R/$path"
done < "$IMAGES_DIR/vm/busybox-applets.txt"
mknod -m 600 "$R/dev/console" c 5 1
mknod -m 666 "$R/dev/null" c 1 3
find "$R" -exec touch -h -d @0 {} +
( cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc --owner 0:0 --reproducible --quiet ) > "$OUT"
grep '^busybox ' "$U/sources.txt" | cut -d' ' -f2- > "$WORK/linux-vm-initramfs.source"
log "linux-vm initramfs: $(stat -c %s "$OUT") bytes (cpio, before the kernel's zstd)"
