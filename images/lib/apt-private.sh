# A private apt configuration for Debian trixie (deb + deb-src, amd64 + i386).
# The machine's own sources are never touched: adding trixie system-wide would make
# a later `apt-get install chromium` try to upgrade libc6. Sourced after common.sh.
APT_ROOT="$WORK/apt-trixie"
mkdir -p "$APT_ROOT/lists/partial" "$APT_ROOT/archives/partial" "$APT_ROOT/etc/preferences.d"
cat > "$APT_ROOT/sources.list" <<SRC
deb [arch=amd64,i386 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
SRC
APT_OPTS=(
  -o "Dir::Etc::SourceList=$APT_ROOT/sources.list"
  -o "Dir::Etc::SourceParts=$APT_ROOT/etc/none"
  -o "Dir::Etc::Preferences=$APT_ROOT/etc/none"
  -o "Dir::Etc::PreferencesParts=$APT_ROOT/etc/preferences.d"
  -o "Dir::State::Lists=$APT_ROOT/lists"
  -o "Dir::Cache::Archives=$APT_ROOT/archives"
  -o "Dir::Cache::pkgcache=$APT_ROOT/pkgcache.bin"
  -o "Dir::Cache::srcpkgcache=$APT_ROOT/srcpkgcache.bin"
  -o "APT::Architectures::=amd64" -o "APT::Architectures::=i386"
)
apt_trixie() { apt-get "${APT_OPTS[@]}" "$@"; }
# No `dpkg --add-architecture i386`: that would make the machine's own `apt-get update`
# fetch i386 lists too. APT::Architectures above is enough to download i386 packages.
apt_trixie_update() { apt_trixie update -q >&2; }
# The version trixie has of a package (name[:arch]).
apt_trixie_version() { apt-cache "${APT_OPTS[@]}" policy "$1" | awk '/Candidate:/ {print $2}'; }
