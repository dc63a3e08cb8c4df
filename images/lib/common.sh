# Shared helpers for the image recipes. Sourced, not run.
set -euo pipefail
IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$IMAGES_DIR/.." && pwd)"
# Scratch space for downloads and builds; never inside the repo.
WORK="${DOCKHAND_IMAGES_WORK:-/var/tmp/dockhand-images}"
OUT_VM="$REPO_DIR/public/vm"
mkdir -p "$WORK" "$OUT_VM"
log() { printf '\033[1m[images]\033[0m %s\n' "$*" >&2; }
