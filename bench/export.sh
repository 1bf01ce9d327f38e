#!/usr/bin/env bash
# Static export of the bundled catalog (no store), RUNS times with each launcher, alternating so both see the same
# machine: `bin/modelatlas export-site` (the CLI's JVM flags for short runs: C1 only, serial GC) and plain
# `java -jar`. The pages go to a fresh directory in memory (/dev/shm, tmpfs) so that the figure measures the export,
# not the disk: on this VM's ext4, creating a file or folder has cost from 0.03 ms to over 2 ms of kernel time,
# depending on where and when (see bench/RESULTS.md). One more `bin/modelatlas` run writes to disk (under target/)
# for reference. Ends with one line `RESULT export key=value ...` (medians) for bench/run.sh.
# Usage: bench/export.sh   (builds target/modelatlas.jar if missing)   Env: RUNS=5, EXPORT_DIR (default /dev/shm, else /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
need_jar
runs=${RUNS:-5}
parent=${EXPORT_DIR:-/dev/shm}
[ -d "$parent" ] && [ -w "$parent" ] || parent=/tmp
work=$(mktemp -d "$parent/bench-export.XXXXXX")
disk=$(mktemp -d target/bench-export-disk.XXXXXX)
trap 'rm -rf "$work" "$disk"' EXIT
export MODELATLAS_HOME=$work/home   # no store: the bundled catalog
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# one export; prints "pages files ms pages_per_s cpu_ms cpu_ms_per_page" from its summary line:
# "exported 5934 pages and 6 files (85,858,698 bytes) to DIR in 6606 ms (898 pages/s; 13040 ms CPU, 2.20 ms per page); ..."
export_once() {
  local line site=${SITE:-$work/site}
  rm -rf "$site"
  line=$("$@" export-site "$site" 2>/dev/null | grep '^exported ')
  sed -E 's/^exported ([0-9]+) pages and ([0-9]+) files \([0-9,]+ bytes\) to .* in ([0-9]+) ms \(([0-9]+) pages\/s; ([0-9]+) ms CPU, ([0-9.]+) ms per page\).*/\1 \2 \3 \4 \5 \6/' <<<"$line" \
    | grep -E '^[0-9]+ [0-9]+ [0-9]+ [0-9]+ [0-9]+ [0-9.]+$' || { echo "unexpected export-site output: $line" >&2; return 1; }
}

: >"$work/c1"; : >"$work/jar"
for i in $(seq "$runs"); do
  export_once bin/modelatlas | tee -a "$work/c1" | sed "s/^/bin\/modelatlas run $i: pages files ms pages_per_s cpu_ms cpu_ms_per_page = /" >&2
  export_once java -jar target/modelatlas.jar | tee -a "$work/jar" | sed "s/^/java -jar       run $i: pages files ms pages_per_s cpu_ms cpu_ms_per_page = /" >&2
done
SITE=$disk/site export_once bin/modelatlas | tee "$work/disk" | sed "s/^/bin\/modelatlas to disk:  pages files ms pages_per_s cpu_ms cpu_ms_per_page = /" >&2
col() { cut -d' ' -f"$1" "$2" | median; }
echo "RESULT export runs=$runs dir=$parent pages=$(col 1 "$work/c1") files=$(col 2 "$work/c1") ms=$(col 3 "$work/c1") pages_per_s=$(col 4 "$work/c1")" \
  "cpu_ms_per_page=$(col 6 "$work/c1") jar_ms=$(col 3 "$work/jar") jar_pages_per_s=$(col 4 "$work/jar") jar_cpu_ms_per_page=$(col 6 "$work/jar")" \
  "disk_pages_per_s=$(col 4 "$work/disk") disk_cpu_ms_per_page=$(col 6 "$work/disk")"
