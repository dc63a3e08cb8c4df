#!/usr/bin/env bash
# Packs the initramfs: busybox + qjs + the committed rootfs/ skeleton, as a gzip'd cpio.
# Named .img, not .cpio.gz: static servers would send a .gz with Content-Encoding: gzip
# and the browser would hand v86 the unpacked bytes.
source "$(dirname "$0")/../lib/common.sh"
U="$WORK/userland"
[ -x "$U/busybox" ] && [ -x "$U/qjs" ] && [ -x "$U/dockhand" ] || { log "run build-userland.sh first"; exit 1; }
R="$WORK/initramfs-root"
rm -rf "$R" && mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,opt,var,newroot}
cp -a "$IMAGES_DIR/vm/rootfs/." "$R/"
rm -f "$R/root/.keep"
install -m 755 "$U/busybox" "$R/bin/busybox"
install -m 755 "$U/qjs" "$R/usr/bin/qjs"
install -m 755 "$U/dockhand" "$R/usr/bin/dockhand"
ln -s dockhand "$R/usr/bin/docker"
ln -s dockhand "$R/usr/bin/docker-compose"
ln -s ../bin/dockhand "$R/usr/sbin/dockhand-run"
ln -s ../bin/dockhand "$R/usr/sbin/dockhand-dns"
# One symlink per applet, at the path busybox itself names (busybox --list-full).
# Generated here and not at boot: every process start in the guest is slow.
applets="$IMAGES_DIR/vm/busybox-applets.txt"
if "$U/busybox" true 2>/dev/null; then "$U/busybox" --list-full | LC_ALL=C sort > "$applets"; fi
while read -r path; do
  mkdir -p "$R/$(dirname "$path")"
  [ -e "$R/$path" ] || ln -s /bin/busybox "$R/$path"
done < "$applets"
mknod -m 600 "$R/dev/console" c 5 1
mknod -m 666 "$R/dev/null" c 1 3
# Reproducible archive: sorted names, fixed owner and times.
find "$R" -exec touch -h -d @0 {} +
( cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc --owner 0:0 --reproducible --quiet ) | gzip -9 -n > "$OUT_VM/initramfs.img"
log "initramfs: $(stat -c %s "$OUT_VM/initramfs.img") bytes"
