#!/bin/bash
# CPU (user+sys) and wall time of `serve` from start to the first 200 on a comparison page (issue 19).
# usage: bench/first-page-cpu.sh JAR MODELATLAS_HOME PORT   -> prints "cpu_s wall_s"
# Serve once beforehand with that MODELATLAS_HOME so that the store exists: this measures a restart.
JAR=$1; HOME_DIR=$2; PORT=$3
TCK=$(getconf CLK_TCK)
URL=http://127.0.0.1:$PORT/compare/gpt-4.1-vs-gpt-4.1-mini
start=$(date +%s.%N)
MODELATLAS_HOME=$HOME_DIR java -jar $JAR serve --host 127.0.0.1 --port $PORT > /dev/null 2>&1 &
PID=$!
while :; do
  code=$(curl -s -o /dev/null -w '%{http_code}' $URL)
  [ "$code" = 200 ] && break
  kill -0 $PID 2>/dev/null || { echo "died"; exit 1; }
  sleep 0.02
done
stat=$(cat /proc/$PID/stat); end=$(date +%s.%N)
kill $PID; wait $PID 2>/dev/null
# fields 14,15 = utime, stime (after the ")" of comm)
set -- $(echo "$stat" | sed 's/.*) //')
echo "$(echo "scale=2; (${12}+${13})/$TCK" | bc) $(echo "$end - $start" | bc)"
