#!/usr/bin/env bash
# Builds the guest's `nft` (nftables CLI) from Debian trixie's i386 binary packages.
#
# Why binary packages and not a static build from source: the package archive reachable
# here does not serve the source of nftables (nor of libmnl and libnftnl) — `apt-get
# source` answers 404 for the .dsc and the .orig tarballs of every suite (bookworm,
# trixie, sid). libmnl-dev and libnftnl-dev do ship static libraries (.a), but
# libnftables-dev ships only the shared library, and nft is nothing without it. So the
# guest gets Debian's own dynamically linked nft with the smallest glibc runtime that
# runs it: the dynamic loader plus exactly the shared libraries that nft needs
# (the DT_NEEDED closure, computed below, nothing else of libc6: no gconv, no locales).
#
# Output: public/vm/nft.tgz, an add-on NOT in the initramfs (it would add 2.2 MB to it and
# push the first shell past its 8 MB budget). The page fetches it after the first shell and
# puts it on the 9p share; the engine unpacks it onto / the first time it needs nftables
# (src/engine/runtime/nftables.ts). The tree:
#   usr/sbin/nft                      (its program interpreter set to the loader below)
#   usr/lib/i386-linux-gnu/ld-linux.so.2
#   usr/lib/i386-linux-gnu/<soname>   (on the loader's built-in search path; no ld.so.cache)
# Nothing under /lib (the guest's root has no /lib), so nft's interpreter is moved from /lib
# to /usr/lib (patchelf).
# Reproducible: the bytes are the packages' bytes (plus one patchelf edit), so the same package
# versions give the same tree; sources.txt and public/vm/manifest.json record the versions.
source "$(dirname "$0")/../lib/common.sh"
source "$IMAGES_DIR/lib/apt-private.sh"
apt-get install -y -q dpkg-dev binutils patchelf >&2
apt_trixie_update

OUT="$WORK/nft"; mkdir -p "$OUT"
D="$WORK/nft-debs"; mkdir -p "$D"
# nft and everything its DT_NEEDED closure pulls in (libc6 gives ld-linux.so.2 and libc.so.6).
PKGS=(nftables libnftables1 libmnl0 libnftnl11 libxtables12 libjansson4 libgmp10
      libedit2 libbsd0 libmd0 libtinfo6 libc6)
VERS=()
for p in "${PKGS[@]}"; do
  v=$(apt_trixie_version "$p:i386")
  [ -n "$v" ] && [ "$v" != "(none)" ] || { log "trixie has no $p:i386"; exit 1; }
  VERS+=("$p=$v")
  deb="${p}_${v/:/%3a}_i386.deb"
  [ -f "$D/$deb" ] || ( cd "$D" && apt_trixie download "$p:i386=$v" >&2 )
  [ -f "$D/$deb" ] || { log "download of $p:i386 $v did not give $deb"; exit 1; }
done

X="$D/extracted"; rm -rf "$X" && mkdir -p "$X"
for p in "${PKGS[@]}"; do
  v=$(printf '%s\n' "${VERS[@]}" | awk -F= -v p="$p" '$1 == p {print $2}')
  dpkg-deb -x "$D/${p}_${v/:/%3a}_i386.deb" "$X"
done
LIBDIR="$X/usr/lib/i386-linux-gnu"

R="$OUT/nft-root"; rm -rf "$R" && mkdir -p "$R/usr/sbin" "$R/usr/lib/i386-linux-gnu"
install -m 755 "$X/usr/sbin/nft" "$R/usr/sbin/nft"
interp=$(readelf -l "$X/usr/sbin/nft" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
[ "$interp" = /lib/ld-linux.so.2 ] || { log "unexpected interpreter: $interp"; exit 1; }
LOADER=/usr/lib/i386-linux-gnu/ld-linux.so.2
install -m 755 "$(readlink -f "$X/usr/lib/ld-linux.so.2")" "$R$LOADER"
patchelf --set-interpreter "$LOADER" "$R/usr/sbin/nft"

# The DT_NEEDED closure of nft, each library copied as a plain file under its soname.
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
todo=("$R/usr/sbin/nft")
while [ "${#todo[@]}" -gt 0 ]; do
  f="${todo[0]}"; todo=("${todo[@]:1}")
  for so in $(needed "$f"); do
    [ -e "$R/usr/lib/i386-linux-gnu/$so" ] && continue   # (libc names the loader, installed above)
    [ -e "$LIBDIR/$so" ] || { log "$so (needed by ${f##*/}) is in none of: ${PKGS[*]}"; exit 1; }
    install -m 644 "$(readlink -f "$LIBDIR/$so")" "$R/usr/lib/i386-linux-gnu/$so"
    todo+=("$R/usr/lib/i386-linux-gnu/$so")
  done
done
chmod 755 "$R/usr/lib/i386-linux-gnu/"*

# Smoke test where the host runs i386 binaries (no netlink needed for --version), in a
# chroot: the interpreter and the libraries are found exactly as in the guest.
if chroot "$R" /usr/sbin/nft --version >&2; then :; else
  log "(host cannot run i386 binaries: nft not smoke-tested)"
fi

ver() { printf '%s\n' "${VERS[@]}" | awk -F= -v p="$1" '$1 == p {print $2}'; }
libs=$(for p in "${PKGS[@]:1}"; do printf '%s:i386=%s,' "$p" "$(ver "$p")"; done)
echo "nftables:i386 $(ver nftables) (dynamic; with ${libs%,})" > "$WORK/nft.source"
# Reproducible archive: sorted names, root-owned, mtime 0, gzip without a timestamp. Named .tgz,
# not .tar.gz: static servers (vite preview's sirv among them) send a .gz file with
# Content-Encoding: gzip, and the browser would hand the page the unpacked tar.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$R" -cf - usr | gzip -9 -n > "$OUT_VM/nft.tgz"
total=$(find "$R" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
log "nft $(ver nftables): $total bytes unpacked, $(stat -c %s "$OUT_VM/nft.tgz") bytes in public/vm/nft.tgz"
