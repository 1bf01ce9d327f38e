#!/usr/bin/env bash
# Builds the token-counting benchmark corpus (about 23 MB, never committed) from real text that Debian and the JDK
# ship: English prose (the Debian Reference, Debian changelogs), Java source (the JDK's lib/src.zip), Japanese,
# Chinese and Russian (the Debian Reference's translations, translated man pages). Deterministic: the same packages
# give the same files. Installs the Debian packages it reads if they are missing (apt-get, as root).
# Usage: bench/tokens/build-corpus.sh [DIR]   (default: bench/tokens/corpus)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:-$HERE/corpus}"
PACKAGES=(debian-reference-en debian-reference-ja debian-reference-zh-cn manpages-ja manpages-zh manpages-ru)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
command -v unzip >/dev/null || missing+=(unzip)
SRC_ZIP=$(for z in /usr/lib/jvm/*/lib/src.zip; do [ -r "$z" ] && echo "$z" && break; done || true)
[ -n "$SRC_ZIP" ] || missing+=(openjdk-17-source)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  SRC_ZIP=$(for z in /usr/lib/jvm/*/lib/src.zip; do [ -r "$z" ] && echo "$z" && break; done)
fi
mkdir -p "$OUT"
set +o pipefail  # head stops reading early on purpose
export LC_ALL=C

# first N bytes of a stream, cut at a line end so no character is split
cap() { head -c "$1" | sed '$d'; }

# zcat each man page in sorted order (the man directories hold roff sources: real text with its markup)
man_sources() { find "$@" -name '*.gz' -type f 2>/dev/null | sort | xargs zcat -f 2>/dev/null; }

{ zcat /usr/share/debian-reference/debian-reference.en.txt.gz
  find /usr/share/doc -name 'changelog.Debian.gz' | sort | xargs zcat -f 2>/dev/null; } | cap 7000000 > "$OUT/en-prose.txt"
unzip -Z1 "$SRC_ZIP" | grep -E '^java\.base/java/(util|lang|io|time)/.*\.java$' | sort | head -2000 \
  | (cd "$OUT" && xargs unzip -p "$SRC_ZIP" 2>/dev/null) | cap 7000000 > "$OUT/java-code.txt"
{ zcat /usr/share/debian-reference/debian-reference.ja.txt.gz; man_sources /usr/share/man/ja; } | cap 4000000 > "$OUT/ja.txt"
{ zcat /usr/share/debian-reference/debian-reference.zh-cn.txt.gz; man_sources /usr/share/man/zh_CN; } | cap 3000000 > "$OUT/zh.txt"
man_sources /usr/share/man/ru | cap 2000000 > "$OUT/ru.txt"

# the request-log shape: many short texts, a few system prompts repeated as in real traffic
python3 "$HERE/requests.py" "$OUT" > "$OUT/requests.jsonl"
ls -l "$OUT" >&2
du -cb "$OUT"/*.txt | tail -1 | awk '{printf "corpus: %.1f MB of text in %s\n", $1 / 1e6, "'"$OUT"'"}' >&2
