#!/usr/bin/env bash
# Builds the guest kernel (i386 bzImage) from Debian's linux-source-6.12:
# tinyconfig + kernel.fragment -> olddefconfig -> bzImage.
source "$(dirname "$0")/../lib/common.sh"
HERE="$IMAGES_DIR/vm"

apt-get install -y -q build-essential gcc-multilib bc bison flex libelf-dev cpio xz-utils zstd libssl-dev linux-source-6.12 >&2
SRC_TAR=$(ls /usr/src/linux-source-6.12.tar.xz)
VERSION=$(dpkg-query -W -f='${Version}' linux-source-6.12)
KDIR="$WORK/linux-source-6.12"
if [ ! -f "$KDIR/.unpacked-$VERSION" ]; then
  log "unpacking $SRC_TAR ($VERSION)"
  rm -rf "$KDIR"; tar -C "$WORK" -xf "$SRC_TAR"; touch "$KDIR/.unpacked-$VERSION"
fi
cd "$KDIR"
make ARCH=i386 tinyconfig >/dev/null
./scripts/kconfig/merge_config.sh -m -O . .config "$HERE/kernel.fragment" >/dev/null
make ARCH=i386 olddefconfig >/dev/null
# Every option the fragment asks for must survive olddefconfig (a silent drop is a broken guest).
missing=0
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=*) grep -qx "$line" .config || { log "option not applied: $line"; missing=1; } ;;
    "# CONFIG_"*" is not set") grep -q "^${line#\# }" .config || true ;;
  esac
done < "$HERE/kernel.fragment"
[ "$missing" = 0 ] || { log "kernel config is missing options above"; exit 1; }
log "building bzImage with $(nproc) jobs"
# Fixed build identity, so that rebuilding the same recipe gives the same bzImage.
export KBUILD_BUILD_USER=dockhand KBUILD_BUILD_HOST=images
export KBUILD_BUILD_TIMESTAMP="$(date -u -d "@$(stat -c %Y "$SRC_TAR")" '+%Y-%m-%d')"
make ARCH=i386 -j"$(nproc)" bzImage >/dev/null
cp arch/x86/boot/bzImage "$OUT_VM/bzImage"
cp .config "$WORK/kernel.config"
echo "linux-source-6.12 $VERSION" > "$WORK/kernel.source"
log "kernel: $(stat -c %s "$OUT_VM/bzImage") bytes"
