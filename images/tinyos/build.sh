#!/usr/bin/env bash
# DockOS: a tiny multiboot OS of our own (images/tinyos), the "other OS" of the VM page.
# Built with the host's gcc -m32 and ld into one flat binary loaded at 1 MiB; no
# timestamps, no paths, so the same sources give the same bytes.
source "$(dirname "$0")/../lib/common.sh"
SRC="$IMAGES_DIR/tinyos"
OBJ="$WORK/tinyos"
rm -rf "$OBJ" && mkdir -p "$OBJ"
CFLAGS=(-m32 -march=i586 -ffreestanding -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables
  -nostdlib -Os -Wall -Wextra -Werror -ffile-prefix-map="$SRC"=.)
for f in boot.S idle.c serial.c clock.c kmain.c; do
  gcc "${CFLAGS[@]}" -c "$SRC/$f" -o "$OBJ/${f%.*}.o"
done
# libgcc: the 64-bit divisions of the clock code on a 32-bit CPU
ld -m elf_i386 -T "$SRC/link.ld" --build-id=none --no-warn-rwx-segments -o "$OBJ/tinyos.elf" "$OBJ"/{boot,idle,serial,clock,kmain}.o "$(gcc -m32 -print-libgcc-file-name)"
objcopy -O binary "$OBJ/tinyos.elf" "$OUT_VM/tinyos.bin"
echo "gcc $(gcc -dumpfullversion), binutils $(ld --version | head -1 | awk '{print $NF}'); images/tinyos" > "$WORK/tinyos.source"
log "tinyos.bin: $(stat -c %s "$OUT_VM/tinyos.bin") bytes"
