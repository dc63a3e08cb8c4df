#!/usr/bin/env bash
# Builds the base container images from Debian trixie i386 packages, as one OCI image
# layout (image-spec v1.1) packed in public/images/base-images.oci.tar, and writes
# public/images/manifest.json. See README.md beside this file.
#
#   busybox:latest     busybox
#   httpd-demo:latest  busybox + www
#   lua:5.1            busybox + glibc + lua5.1
#   lua:5.4            busybox + glibc + lua5.4
#
# Layers are reproducible (sorted ustar entries, mtime 0, uid/gid 0, gzip -n), so a
# rebuild from the same package versions gives the same digests.
source "$(dirname "$0")/../lib/common.sh"
source "$IMAGES_DIR/lib/apt-private.sh"
apt-get install -y -q binutils tar gzip >&2   # readelf for the NEEDED walk
apt_trixie_update
umask 022

HERE="$IMAGES_DIR/containers"
C="$WORK/containers"
rm -rf "$C" && mkdir -p "$C/debs" "$C/pkg" "$C/layers"
: > "$C/sources.txt"                           # "name:arch version epoch" per package

# ---- packages ----------------------------------------------------------------------
# The lua binaries are linked with liblua statically (their NEEDED is readline, libm,
# libc), so liblua5.x-0 is not needed; the NEEDED walk below fails if that changes.
PKGS=(busybox-static:i386 libc6:i386 lua5.1:i386 lua5.4:i386 libreadline8t64:i386 libtinfo6:i386 ncurses-base)
( cd "$C/debs" && apt_trixie download "${PKGS[@]}" >&2 )
for p in "${PKGS[@]}"; do
  name=${p%%:*}
  deb=$(ls "$C"/debs/"${name}"_*.deb)
  dpkg-deb -x "$deb" "$C/pkg/$name"
  # the package's date: the newest file in it (used for the configs' `created`)
  epoch=$(find "$C/pkg/$name" -type f -printf '%T@\n' | sort -n | tail -1 | cut -d. -f1)
  echo "$p $(dpkg-deb -f "$deb" Version) $epoch" >> "$C/sources.txt"
done
ver() { awk -v p="$1" '$1 == p {print $2}' "$C/sources.txt"; }
log "packages: $(awk '{printf "%s=%s ", $1, $2}' "$C/sources.txt")"

# ---- helpers -----------------------------------------------------------------------
LIBDIRS=(usr/lib/i386-linux-gnu lib/i386-linux-gnu usr/lib lib)
# find_lib POOL SONAME -> the path relative to POOL, or nothing
find_lib() {
  local d
  for d in "${LIBDIRS[@]}"; do
    if [ -e "$1/$d/$2" ] || [ -L "$1/$d/$2" ]; then echo "$d/$2"; return; fi
  done
}
# copy_rel POOL REL ROOT: copies one path (and, for a symlink, what it points to) keeping its place
copy_rel() {
  local pool=$1 rel=$2 root=$3
  mkdir -p "$root/$(dirname "$rel")"
  cp -a "$pool/$rel" "$root/$rel"
  if [ -L "$pool/$rel" ]; then
    local target; target=$(readlink "$pool/$rel")
    case "$target" in /*) target=${target#/} ;; *) target="$(dirname "$rel")/$target" ;; esac
    copy_rel "$pool" "$(realpath -m --relative-to=/ "/$target")" "$root"
  fi
}
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'; }
# Everything below that libc6 provides goes into the shared glibc layer.
declare -A GLIBC_NEED=()
GLIBC_POOL="$C/pkg/libc6"
# close_needed ROOT POOL...: copies into ROOT every library the ELF files already in ROOT
# need (recursively), from the given package trees; glibc's are only recorded.
close_needed() {
  local root=$1; shift
  local -a queue=() ; local -A seen=()
  mapfile -t queue < <(cd "$root" && find . -type f -printf '%P\n' | LC_ALL=C sort)
  while [ ${#queue[@]} -gt 0 ]; do
    local f=${queue[0]}; queue=("${queue[@]:1}")
    local base=$root
    case "$f" in glibc:*) f=${f#glibc:}; base=$GLIBC_POOL ;; esac
    head -c 4 "$base/$f" | grep -q $'^\x7fELF' || continue
    local so
    for so in $(needed "$base/$f"); do
      [ -n "${seen[$so]:-}" ] && continue; seen[$so]=1
      local rel; rel=$(find_lib "$GLIBC_POOL" "$so")
      if [ -n "$rel" ]; then GLIBC_NEED[$rel]=1; queue+=("glibc:$(realpath -m --relative-to="$GLIBC_POOL" "$GLIBC_POOL/$rel")"); continue; fi
      local pool found=
      for pool in "$@"; do
        rel=$(find_lib "$pool" "$so")
        if [ -n "$rel" ]; then copy_rel "$pool" "$rel" "$root"; queue+=("$rel"); found=1; break; fi
      done
      [ -n "$found" ] || { log "$f needs $so, which none of the packages has"; exit 1; }
    done
  done
}
# pack NAME: $C/layers/NAME/ -> NAME.tar (sorted, mtime 0, root-owned ustar) + NAME.tar.gz
pack() {
  local root="$C/layers/$1"
  ( cd "$root" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort ) |
    tar -C "$root" -c -f "$C/layers/$1.tar" --format=ustar --no-recursion -T - \
      --numeric-owner --owner=0 --group=0 --mtime=@0
  gzip -9 -n < "$C/layers/$1.tar" > "$C/layers/$1.tar.gz"
  log "layer $1: $(stat -c %s "$C/layers/$1.tar") bytes, $(stat -c %s "$C/layers/$1.tar.gz") gzip'd"
}

# ---- busybox: /bin/busybox, one symlink per applet, a minimal /etc ----------------
L="$C/layers/busybox"
mkdir -p "$L"/{bin,dev,etc,home,proc,root,sys,tmp,usr,var}
chmod 700 "$L/root"; chmod 1777 "$L/tmp"
install -m 755 "$C/pkg/busybox-static/usr/bin/busybox" "$L/bin/busybox"
# The applet names (busybox --list-full, kept by build-initramfs.sh), all put in /bin
# like the official busybox image; not `busybox --list`: the host may not run i386.
n=0
while read -r applet; do
  case "$applet" in busybox|linuxrc) continue ;; esac
  [ -e "$L/bin/$applet" ] || { ln -s busybox "$L/bin/$applet"; n=$((n + 1)); }
done < <(sed 's,.*/,,' "$IMAGES_DIR/vm/busybox-applets.txt" | LC_ALL=C sort -u)
install -m 644 "$HERE/files/busybox/etc/passwd" "$HERE/files/busybox/etc/group" "$HERE/files/busybox/etc/nsswitch.conf" "$L/etc/"
pack busybox
echo "COPY busybox-static:i386 $(ver busybox-static:i386): /bin/busybox + $n applet links in /bin, /etc/passwd, /etc/group, /etc/nsswitch.conf, /tmp" > "$C/layers/busybox.created-by"

# ---- www: the demo page for httpd-demo --------------------------------------------
L="$C/layers/www"
mkdir -p "$L/var/www"
install -m 644 "$HERE/files/httpd-demo/var/www/index.html" "$L/var/www/index.html"
pack www
echo "COPY index.html /var/www/index.html" > "$C/layers/www.created-by"

# ---- lua5.1, lua5.4: the interpreter, /usr/bin/lua, and the libraries it needs -----
TERMINFO=(d/dumb l/linux v/vt100 v/vt220 x/xterm x/xterm-256color)   # for readline's line editing
for v in 5.1 5.4; do
  L="$C/layers/lua$v"
  mkdir -p "$L/usr/bin"
  install -m 755 "$C/pkg/lua$v/usr/bin/lua$v" "$L/usr/bin/lua$v"
  ln -s "lua$v" "$L/usr/bin/lua"
  close_needed "$L" "$C/pkg/libreadline8t64" "$C/pkg/libtinfo6"
  for t in "${TERMINFO[@]}"; do copy_rel "$C/pkg/ncurses-base" "usr/share/terminfo/$t" "$L"; done
  libs=$(cd "$L/usr/lib/i386-linux-gnu" && ls | LC_ALL=C sort | paste -sd, -)
  pack "lua$v"
  echo "COPY lua$v:i386 $(ver lua$v:i386): /usr/bin/lua$v, /usr/bin/lua -> lua$v; libreadline8t64:i386 $(ver libreadline8t64:i386), libtinfo6:i386 $(ver libtinfo6:i386): /usr/lib/i386-linux-gnu/{$libs}; ncurses-base $(ver ncurses-base): /usr/share/terminfo/{$(IFS=,; echo "${TERMINFO[*]}")}" > "$C/layers/lua$v.created-by"
done

# ---- glibc: only what the lua layers need, shared by both ---------------------------
# Debian's merged /usr: the files live in /usr/lib, /lib is a symlink. The binaries ask
# for /lib/ld-linux.so.2 (PT_INTERP); ld.so finds the rest in /usr/lib/i386-linux-gnu.
L="$C/layers/glibc"
mkdir -p "$L/usr/lib"
ln -s usr/lib "$L/lib"
copy_rel "$GLIBC_POOL" usr/lib/ld-linux.so.2 "$L"
for rel in "${!GLIBC_NEED[@]}"; do copy_rel "$GLIBC_POOL" "$rel" "$L"; done
[ -e "$L/usr/lib/i386-linux-gnu/libc.so.6" ] || { log "glibc layer without libc.so.6?"; exit 1; }
pack glibc
libs=$(cd "$L/usr/lib/i386-linux-gnu" && ls | LC_ALL=C sort | paste -sd, -)
echo "COPY libc6:i386 $(ver libc6:i386): /lib -> usr/lib, /usr/lib/ld-linux.so.2 -> i386-linux-gnu/ld-linux.so.2, /usr/lib/i386-linux-gnu/{$libs} (only what lua needs)" > "$C/layers/glibc.created-by"

# ---- the OCI layout, its tar, and public/images/manifest.json ----------------------
node "$HERE/oci.mjs" "$C"
