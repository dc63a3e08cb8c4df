#!/usr/bin/env bash
# SeaBIOS from Debian bookworm's seabios package: bios.bin and the stdvga VGA BIOS work with v86 unchanged.
source "$(dirname "$0")/../lib/common.sh"
apt-get install -y -q seabios >&2
install -m 644 /usr/share/seabios/bios.bin "$OUT_VM/seabios.bin"
install -m 644 /usr/share/seabios/vgabios-stdvga.bin "$OUT_VM/vgabios.bin"
echo "seabios $(dpkg-query -W -f='${Version}' seabios)" > "$WORK/seabios.source"
