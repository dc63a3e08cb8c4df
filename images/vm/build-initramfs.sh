#!/usr/bin/env bash
# Packs the initramfs: busybox + qjs + the committed rootfs/ skeleton, gzip'd cpio.
source "$(dirname "$0")/../lib/common.sh"
U="$WORK/userland"
[ -x "$U/busybox" ] && [ -x "$U/qjs" ] || { log "run build-userland.sh first"; exit 1; }
R="$WORK/initramfs-root"
rm -rf "$R" && mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,opt,var,tmp,run,mnt}
cp -a "$IMAGES_DIR/vm/rootfs/." "$R/"
rm -f "$R/root/.keep"
install -m 755 "$U/busybox" "$R/bin/busybox"
install -m 755 "$U/qjs" "$R/usr/bin/qjs"
ln -s /bin/busybox "$R/bin/sh"
ln -s /bin/busybox "$R/sbin/init"
mknod -m 600 "$R/dev/console" c 5 1
mknod -m 666 "$R/dev/null" c 1 3
# Reproducible archive: sorted names, fixed owner and times.
find "$R" -exec touch -h -d @0 {} +
( cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc --owner 0:0 --reproducible --quiet ) | gzip -9 -n > "$OUT_VM/initramfs.cpio.gz"
log "initramfs: $(stat -c %s "$OUT_VM/initramfs.cpio.gz") bytes"
