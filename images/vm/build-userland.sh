#!/usr/bin/env bash
# Builds the guest's userland binaries from Debian trixie:
#   busybox  <- busybox-static:i386 (binary package, used as shipped)
#   qjs      <- quickjs source, built as a static i386 binary, with the engine's native
#               module (src/engine/native/kernel.c) built in as `dockhand:kernel`
#   dockhand <- the engine's C parts (src/engine/native: docker client, dockhand-run), static i386
# Outputs go to $WORK/userland/ and are packed into the initramfs by build-initramfs.sh.
source "$(dirname "$0")/../lib/common.sh"
source "$IMAGES_DIR/lib/apt-private.sh"
apt-get install -y -q dpkg-dev gcc-multilib xz-utils >&2
apt_trixie_update

OUT="$WORK/userland"; mkdir -p "$OUT"
: > "$OUT/sources.txt"

# busybox: the static i386 build Debian ships.
BB_VER=$(apt_trixie_version busybox-static:i386)
( cd "$WORK" && rm -f busybox-static_*.deb && apt_trixie download busybox-static:i386 >&2 )
rm -rf "$WORK/bb" && dpkg-deb -x "$WORK"/busybox-static_*_i386.deb "$WORK/bb"
install -m 755 "$WORK/bb/usr/bin/busybox" "$OUT/busybox"
echo "busybox busybox-static:i386 $BB_VER" >> "$OUT/sources.txt"
log "busybox $BB_VER: $(stat -c %s "$OUT/busybox") bytes"

# QuickJS: static i386 qjs. This host cannot run i386 binaries, so the build-time
# generator (qjsc turning repl.js into repl.c) is built natively first.
QJS_VER=$(apt-cache "${APT_OPTS[@]}" showsrc quickjs | awk '/^Version:/ {print $2; exit}')
QDIR="$WORK/quickjs-src"
if [ ! -f "$QDIR/.unpacked-$QJS_VER" ]; then
  rm -rf "$QDIR" && mkdir -p "$QDIR"
  ( cd "$QDIR" && apt_trixie source --download-only "quickjs=$QJS_VER" >&2 && dpkg-source -x ./*.dsc src >&2 )
  cd "$QDIR/src"
  make -j"$(nproc)" qjsc >&2                      # host qjsc
  ./qjsc -s -c -o repl.c -m repl.js               # what `make` would do with a runnable qjsc
  cp qjsc "$QDIR/qjsc-host"
  # The engine's native module (src/engine/native/kernel.c) is registered next to std and os.
  sed -i 's|^    js_init_module_os(ctx, "os");|&\n    js_init_module_dockhand_kernel(ctx, "dockhand:kernel");|' qjs.c
  sed -i '0,/^static JSContext \*JS_NewCustomContext/s||JSModuleDef *js_init_module_dockhand_kernel(JSContext *ctx, const char *name);\n&|' qjs.c
  grep -q js_init_module_dockhand_kernel qjs.c
  make clean >&2
  touch repl.c "$QDIR/.unpacked-$QJS_VER"
fi
cd "$QDIR/src"
CFLAGS_M32=(-m32 -O2 -fwrapv -msse2 -mfpmath=sse -Wall -Wno-cast-function-type -I.)
mkdir -p .obj && gcc "${CFLAGS_M32[@]}" -c "$REPO_DIR/src/engine/native/kernel.c" -o .obj/dockhand-kernel.o
QJS_OBJS=".obj/qjs.o .obj/repl.o .obj/quickjs.o .obj/dtoa.o .obj/libregexp.o .obj/libunicode.o .obj/cutils.o .obj/quickjs-libc.o .obj/dockhand-kernel.o"
rm -f qjs
make -j"$(nproc)" CONFIG_M32=y LDEXPORT=-static QJS_OBJS="$QJS_OBJS" qjs >&2
strip qjs
install -m 755 "$QDIR/src/qjs" "$OUT/qjs"
install -m 755 "$QDIR/qjsc-host" "$OUT/qjsc-host"

# The engine's C parts, one static binary (src/engine/native/main.c): the docker client
# (a command costs one process start) and dockhand-run, the container launcher.
N="$REPO_DIR/src/engine/native"
# every C file of src/engine/native but kernel.c (that one is built into qjs above)
gcc -m32 -static -Os -Wall -o "$OUT/dockhand" $(ls "$N"/*.c | grep -v /kernel.c$)
strip "$OUT/dockhand"
echo "dockhand src/engine/native (docker client, dockhand-run)" >> "$OUT/sources.txt"
log "dockhand (client + launcher): $(stat -c %s "$OUT/dockhand") bytes"
echo "qjs quickjs(source) $QJS_VER + src/engine/native" >> "$OUT/sources.txt"
file "$OUT/qjs" "$OUT/busybox" >&2
log "qjs $QJS_VER: $(stat -c %s "$OUT/qjs") bytes"
