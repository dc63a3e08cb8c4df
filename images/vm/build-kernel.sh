#!/usr/bin/env bash
# Builds an i386 bzImage from Debian's linux-source-<version> package:
# tinyconfig + a fragment -> olddefconfig -> bzImage.
#   build-kernel.sh                      the container host: 6.12 + kernel.fragment -> public/vm/bzImage
#   build-kernel.sh 6.1 vm-kernel.fragment linux-vm/bzImage vm-kernel $WORK/linux-vm-initramfs.cpio
#                                        the VM page's Linux VM (build-vm-kernel.sh)
# The 4th argument names the provenance files in $WORK (<tag>.source, <tag>.config); the 5th, if
# given, is a cpio archive built into the kernel as its initramfs (compressed by the kernel's
# build as the fragment's INITRAMFS_COMPRESSION_* says).
source "$(dirname "$0")/../lib/common.sh"
HERE="$IMAGES_DIR/vm"
KVER="${1:-6.12}"
FRAGMENT="$HERE/${2:-kernel.fragment}"
OUT="$OUT_VM/${3:-bzImage}"
TAG="${4:-kernel}"
BUILTIN_INITRAMFS="${5:-}"
PKG="linux-source-$KVER"
if [ -n "$BUILTIN_INITRAMFS" ]; then
  [ -f "$BUILTIN_INITRAMFS" ] || { log "no initramfs at $BUILTIN_INITRAMFS"; exit 1; }
  # the fragment plus the archive's path (which is $WORK's, so not in the committed fragment)
  cp "$FRAGMENT" "$WORK/$TAG.fragment"
  printf 'CONFIG_INITRAMFS_SOURCE="%s"\n' "$BUILTIN_INITRAMFS" >> "$WORK/$TAG.fragment"
  FRAGMENT="$WORK/$TAG.fragment"
fi

apt-get install -y -q build-essential gcc-multilib bc bison flex libelf-dev cpio xz-utils zstd libssl-dev "$PKG" >&2
SRC_TAR=$(ls "/usr/src/$PKG.tar.xz")
VERSION=$(dpkg-query -W -f='${Version}' "$PKG")
KDIR="$WORK/$PKG"
if [ ! -f "$KDIR/.unpacked-$VERSION" ]; then
  log "unpacking $SRC_TAR ($VERSION)"
  rm -rf "$KDIR"; tar -C "$WORK" -xf "$SRC_TAR"; touch "$KDIR/.unpacked-$VERSION"
fi
cd "$KDIR"
make ARCH=i386 tinyconfig >/dev/null
./scripts/kconfig/merge_config.sh -m -O . .config "$FRAGMENT" >/dev/null
make ARCH=i386 olddefconfig >/dev/null
# Every option the fragment asks for must survive olddefconfig (a silent drop is a broken guest).
missing=0
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=*) grep -qx "$line" .config || { log "option not applied: $line"; missing=1; } ;;
    "# CONFIG_"*" is not set") grep -q "^${line#\# }" .config || true ;;
  esac
done < "$FRAGMENT"
[ "$missing" = 0 ] || { log "kernel config is missing options above"; exit 1; }
log "building $PKG bzImage with $(nproc) jobs"
# Fixed build identity, so that rebuilding the same recipe gives the same bzImage.
export KBUILD_BUILD_USER=dockhand KBUILD_BUILD_HOST=images KBUILD_BUILD_VERSION=1
export KBUILD_BUILD_TIMESTAMP="$(date -u -d "@$(stat -c %Y "$SRC_TAR")" '+%Y-%m-%d')"
make ARCH=i386 -j"$(nproc)" bzImage >/dev/null
mkdir -p "$(dirname "$OUT")"
cp arch/x86/boot/bzImage "$OUT"
cp .config "$WORK/$TAG.config"
echo "$PKG $VERSION" > "$WORK/$TAG.source"
log "kernel $PKG: $(stat -c %s "$OUT") bytes -> ${OUT#"$REPO_DIR"/}"
