#!/usr/bin/env bash
# A comparison page served by ModelAtlas vs the same bytes served by nginx as a static file, measured with wrk on
# 127.0.0.1. Bounded: RUNS rounds (default 3) of DURATION (default 10s) per server and encoding, the two servers
# alternating (which goes first alternates too), after a warm-up. Prints each run and the medians, then one line
# `RESULT web key=value ...` for bench/run.sh (medians; the server's peak RSS, VmHWM, over the whole run).
#
# Usage: bench/web-vs-nginx.sh            (builds target/modelatlas.jar; installs wrk and nginx if missing, as root)
# Env:   RUNS=3 DURATION=10s WARMUP=5s CONNECTIONS=64 THREADS=2 PAGE=/compare/gpt-4.1-vs-gpt-4.1-mini
# Exit:  0 measured (goals are judged by the reader or bench/run.sh), 1 failed, 2 a prerequisite is missing
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/modelatlas.jar
runs=${RUNS:-3}
duration=${DURATION:-10s}
warmup=${WARMUP:-5s}
conns=${CONNECTIONS:-64}
threads=${THREADS:-2}
page=${PAGE:-/compare/gpt-4.1-vs-gpt-4.1-mini}

. bench/lib.sh
need_tools wrk:wrk nginx:nginx curl:curl python3:python3
need_jar

work=$(mktemp -d /tmp/web-vs-nginx.XXXXXX)
chmod 755 "$work"   # nginx workers run as www-data when started by root
jar_pid=""
nginx_pid=""
cleanup() { # only the two processes this script started
  set +e
  [ -n "$jar_pid" ] && kill "$jar_pid" 2>/dev/null && wait "$jar_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
jar_port=$(free_port)
nginx_port=$(free_port)
wait_for() {
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2; exit 1
}

MODELATLAS_HOME="$work/home" java -jar "$jar" serve --host 127.0.0.1 --port "$jar_port" >"$work/jar.log" 2>&1 & jar_pid=$!   # a throwaway store
wait_for "http://127.0.0.1:$jar_port$page"

# nginx serves exactly the bytes ModelAtlas serves: the page and its gzip body (gzip_static), with the same
# security and caching headers, so both answers are the same size on the wire give or take Date/ETag.
root="$work/root"
mkdir -p "$root$page" "$work/tmp"
curl -sf -o "$root$page/index.html" "http://127.0.0.1:$jar_port$page"
curl -sf -H 'Accept-Encoding: gzip' -o "$root$page/index.html.gz" "http://127.0.0.1:$jar_port$page"
headers() {
  curl -s -D - -o /dev/null "http://127.0.0.1:$jar_port$page" | tr -d '\r' \
    | grep -iE '^(content-security-policy|x-content-type-options|referrer-policy|x-frame-options|cache-control):' \
    | sed -E 's/^([^:]+): (.*)$/    add_header \1 "\2" always;/'
}
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  types { text/html html; }
  charset utf-8;
  open_file_cache max=64 inactive=60s;   # nginx at its best for a static file: no open() per request
  gzip_static on;
  gzip_vary on;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $root;
$(headers)
  }
}
EOF
nginx -c "$work/nginx.conf" & nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port$page/"

cmp -s <(curl -s "http://127.0.0.1:$jar_port$page") <(curl -s "http://127.0.0.1:$nginx_port$page/") \
  || { echo "nginx and ModelAtlas do not serve the same page bytes" >&2; exit 1; }
cmp -s <(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$jar_port$page") <(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port$page/") \
  || { echo "nginx and ModelAtlas do not serve the same gzip bytes" >&2; exit 1; }

# wrk prints "Requests/sec: N" and, with --latency, "99% 1.23ms" (us, ms or s)
# CPU ticks (user + system) used so far by a process and its children (nginx's workers): on a machine shared with
# other work, requests/s moves with the load, while CPU time per request says what each server costs.
ticks() { for p in "$1" $(pgrep -P "$1"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'; }
hz=$(getconf CLK_TCK)
bench() { # url, accept-encoding ("" for none), server pid -> "rps p99ms cpu_us_per_request"
  local args=(-t"$threads" -c"$conns" -d"$duration" --latency) before after
  [ -n "$2" ] && args+=(-H "Accept-Encoding: $2")
  before=$(ticks "$3")
  wrk "${args[@]}" "$1" >"$work/wrk.out"
  after=$(ticks "$3")
  awk -v ticks=$((after - before)) -v hz="$hz" '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                  p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : v }
    END { printf "%.0f %.2f %.1f\n", rps, p99, (n > 0 ? ticks / hz * 1e6 / n : 0) }' "$work/wrk.out"
}

jar_url="http://127.0.0.1:$jar_port$page"
nginx_url="http://127.0.0.1:$nginx_port$page/"
echo "warm-up (JIT): 3 x $warmup on ModelAtlas, $warmup on nginx" >&2
for _ in 1 2 3; do duration=$warmup bench "$jar_url" gzip "$jar_pid" >/dev/null; duration=$warmup bench "$jar_url" "" "$jar_pid" >/dev/null; done
duration=$warmup bench "$nginx_url" "" "$nginx_pid" >/dev/null

echo "page $page ($(wc -c <"$root$page/index.html") bytes, gzip $(wc -c <"$root$page/index.html.gz")), wrk -t$threads -c$conns -d$duration, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
fmt='%-4s %-9s %10s %10s %6s %11s %11s %12s %12s\n'
printf "$fmt" run encoding nginx_rps atlas_rps ratio nginx_p99ms atlas_p99ms nginx_cpu_us atlas_cpu_us
results="$work/results"
summary=""
for run in $(seq 1 "$runs"); do
  for enc in identity gzip; do
    ae=""; [ "$enc" = gzip ] && ae=gzip
    if (( run % 2 )); then n=$(bench "$nginx_url" "$ae" "$nginx_pid"); a=$(bench "$jar_url" "$ae" "$jar_pid")
    else a=$(bench "$jar_url" "$ae" "$jar_pid"); n=$(bench "$nginx_url" "$ae" "$nginx_pid"); fi
    read -r nr np nc <<<"$n"; read -r ar ap ac <<<"$a"
    ratio=$(awk -v a="$ar" -v n="$nr" 'BEGIN { printf "%.2f", a / n }')
    printf "$fmt" "$run" "$enc" "$nr" "$ar" "$ratio" "$np" "$ap" "$nc" "$ac"
    echo "$enc $nr $ar $ratio $np $ap $nc $ac" >>"$results"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for enc in identity gzip; do
  col() { awk -v e="$enc" -v c="$1" '$1 == e { print $c }' "$results" | median; }
  printf "$fmt" med "$enc" "$(col 2)" "$(col 3)" "$(col 4)" "$(col 5)" "$(col 6)" "$(col 7)" "$(col 8)"
  summary+=" ratio_$enc=$(col 4) nginx_rps_$enc=$(col 2) atlas_rps_$enc=$(col 3) nginx_p99_ms_$enc=$(col 5) atlas_p99_ms_$enc=$(col 6) atlas_cpu_us_$enc=$(col 8)"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# peak resident memory of the server process since it started (warm-up and every run)
rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$jar_pid/status")
echo "RESULT web$summary connections=$conns runs=$runs duration=$duration server_max_rss_mb=$((rss_kb / 1024))"
