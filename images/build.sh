#!/usr/bin/env bash
# `npm run images`: rebuilds every guest artifact under public/vm from Debian packages
# and rewrites public/vm/manifest.json. Needs root and apt. Not part of a normal install.
source "$(dirname "$0")/lib/common.sh"
[ "$(id -u)" = 0 ] || { log "needs root (apt-get, mknod)"; exit 1; }
apt-get update -q >&2
bash "$IMAGES_DIR/vm/copy-bios.sh"
bash "$IMAGES_DIR/vm/build-kernel.sh"
bash "$IMAGES_DIR/vm/build-userland.sh"
bash "$IMAGES_DIR/vm/build-initramfs.sh"
bash "$IMAGES_DIR/vm/build-nft.sh"          # nftables, an add-on the page loads after the first shell
bash "$IMAGES_DIR/tinyos/build.sh"
bash "$IMAGES_DIR/vm/build-vm-kernel.sh"     # the VM page's Linux VM: Linux 6.1 + busybox (build-vm-initramfs.sh)
bash "$IMAGES_DIR/containers/build.sh"
node "$IMAGES_DIR/manifest.mjs"
