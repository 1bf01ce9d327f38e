# Sourced by the bench scripts, from the repository root: what a fresh clone on a fresh machine lacks is fetched, or
# the script stops with exit 2 (a prerequisite is missing: bench/run.sh's "not run") and says what to install.
# Maven runs through the wrapper and never offline, so the first run downloads the plugins and dependencies from
# Maven Central; MAVEN_ARGS adds flags to every Maven run (-o on a machine with a warm cache, -Dmaven.repo.local=DIR).

# need_tools TOOL[:DEBIAN_PACKAGE] ...: installs the packages of the tools that are missing (apt-get, as root), else
# exits 2 naming them. TOOL is a command name, or an absolute path where a shell keyword shadows the command (/usr/bin/time).
need_tools() {
  local spec tool missing=()
  for spec in "$@"; do
    tool=${spec%%:*}
    if [[ $tool == /* ]]; then [ -x "$tool" ] && continue; else command -v "$tool" >/dev/null && continue; fi
    missing+=("${spec#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]} (apt-get)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2 \
      || { echo "needs ${missing[*]}: apt-get install failed (see above)" >&2; exit 2; }
  else
    echo "needs ${missing[*]}: apt-get install -y ${missing[*]} (as root)" >&2
    exit 2
  fi
}

# need_jar: builds target/modelatlas.jar through the wrapper when it is missing or older than the sources
need_jar() {
  if [ ! -f target/modelatlas.jar ] || [ -n "$(find src pom.xml -newer target/modelatlas.jar -print -quit)" ]; then
    echo "building target/modelatlas.jar: ./mvnw -q -DskipTests package" >&2
    ./mvnw -q -DskipTests package >&2 || { echo "could not build target/modelatlas.jar (see above)" >&2; exit 2; }
  fi
}

# bench_classpath: compiles the JMH and throughput benchmarks of bench/java (the bench profile) through the wrapper
# and prints the classpath that runs them
bench_classpath() {
  ./mvnw -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
    -Dmdep.includeScope=test >&2 || { echo "could not compile the benchmarks: ./mvnw -Pbench test-compile failed (see above)" >&2; exit 2; }
  echo "target/test-classes:target/classes:$(cat target/bench-cp.txt)"
}

# replay_log FORMAT N: prints the path of the replay benchmark's N-request log in FORMAT, generating it when missing
# (seeded: a log left in /tmp by an earlier run is the same file). The formats hold the same requests: jsonl (ours,
# bench/replay-log.py), litellm (the proxy's spend-log CSV, bench/replay-litellm-log.py), and litellm-json,
# openrouter-csv, openrouter-json, openai-usage (bench/replay-export-log.py, which says how each is shaped).
replay_log() {
  local fmt=$1 n=$2 log gen
  case "$fmt" in
    jsonl) log="/tmp/usage-$n.jsonl"; gen=(bench/replay-log.py "$n") ;;
    litellm) log="/tmp/litellm-$n.csv"; gen=(bench/replay-litellm-log.py "$n") ;;
    litellm-json) log="/tmp/litellm-json-$n.json"; gen=(bench/replay-export-log.py "$fmt" "$n") ;;
    openrouter-csv) log="/tmp/openrouter-csv-$n.csv"; gen=(bench/replay-export-log.py "$fmt" "$n") ;;
    openrouter-json) log="/tmp/openrouter-json-$n.json"; gen=(bench/replay-export-log.py "$fmt" "$n") ;;
    openai-usage) log="/tmp/openai-usage-$n.jsonl"; gen=(bench/replay-export-log.py "$fmt" "$n") ;;
    *) echo "unknown log format $fmt (jsonl, litellm, litellm-json, openrouter-csv, openrouter-json, openai-usage)" >&2; return 2 ;;
  esac
  if [ ! -f "$log" ]; then
    echo "generating $log (python3 ${gen[*]})" >&2
    python3 "${gen[@]}" "$log.tmp" >&2 && mv "$log.tmp" "$log" || { echo "could not generate $log" >&2; return 2; }
  fi
  echo "$log"
}
