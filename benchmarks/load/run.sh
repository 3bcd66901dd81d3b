#!/usr/bin/env bash
# The load harness (issue 10 §1): starts the load application twice, each in its own JVM on
# 127.0.0.1 (LoadApp: "subject" = filter + CDI extension + emulator, "baseline" = the same
# application without them), and drives them with wrk (Debian's wrk 4.1, scripted by load.lua).
#
#   benchmarks/load/run.sh load [SECONDS=60] [ROUNDS=2] [CONNECTIONS="50 200"]
#       per connection count and round: auth on baseline and subject, back to back, the order
#       alternating per round (ABBA…), then the mix on the subject; heap after a full GC and
#       threads before and after.
#   benchmarks/load/run.sh soak [SECONDS=600] [CHUNK=60] [CONNECTIONS=50] [CACHE_SIZE=10000]
#       every /api/me request carries a new token; heap after a full GC after every chunk
#       (a smaller verified-token cache fills sooner, so a short soak can show it level off).
#   benchmarks/load/run.sh smoke [MAX_SECONDS=120]
#       the short variant for CI (LoadSmoke, no wrk): exit 1 on a wrong status or an unbounded cache.
#   benchmarks/load/run.sh java CLASS [ARGS...]
#       any other main of this module on the same class path, e.g. load.SessionFloodRun,
#       client.ClientRatioRun, token.VerificationScalingRun.
#
# Output: one "RESULT {...}" line per wrk run (see load.lua) and HEAP/THREADS lines, on stdout
# and in benchmarks/target/load/results.txt. Needs wrk, jcmd, and a compiled tree (it compiles).
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-load}
OUT=benchmarks/target/load
mkdir -p "$OUT"
# test-compile, not compile: the reactor hands out the modules' test-jars (core's, servlet-filter's, which other
# modules' tests use) only once their tests are compiled, and build-classpath resolves every module's test scope
mvn -B -q -o -pl benchmarks -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# tomcat-embed-core (a CORS peer of the JMH benchmarks) would make Weld think it runs in Tomcat
FULL=benchmarks/target/classes:$(tr ':' '\n' < benchmarks/target/cp.txt | grep -v 'tomcat-embed' | paste -sd:)
# the baseline: no servlet filter, no CDI extension on the class path
BASE=$(tr ':' '\n' <<<"$FULL" | grep -v -e 'cdi-extension/target/classes' -e 'servlet-filter/target/classes' \
  -e 'loginrocket-cdi' -e 'loginrocket-servlet-filter' | paste -sd:)
JVM=(-Xms1g -Xmx1g -XX:+UseG1GC)

if [[ $what == smoke ]]; then
  exec java "${JVM[@]}" -cp "$FULL" io.github.lrjakarta.benchmarks.load.LoadSmoke "${2:-120}"
elif [[ $what == java ]]; then
  cls=$2; shift 2
  exec java "${JVM[@]}" -cp "$FULL" "io.github.lrjakarta.benchmarks.$cls" "$@"
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # mode classpath [loginrocket.key=value...] -> sets URL_<mode> PID_<mode>
  local mode=$1 cp=$2
  shift 2
  java "${JVM[@]}" -cp "$cp" io.github.lrjakarta.benchmarks.load.LoadApp "$mode" 0 "$OUT" "$@" >"$OUT/$mode.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 300); do
    if grep -q '^READY' "$OUT/$mode.log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$mode failed to start:"; tail -30 "$OUT/$mode.log"; exit 1; fi
    sleep 1
  done
  grep -q '^READY' "$OUT/$mode.log" || { echo "$mode did not start within 300 s"; exit 1; }
  printf -v "URL_$mode" '%s' "$(grep '^READY' "$OUT/$mode.log" | awk '{print $3}')"
  printf -v "PID_$mode" '%s' "$pid"
}

log() { echo "$*" | tee -a "$OUT/results.txt"; }

heap() { # label pid
  jcmd "$2" GC.run >/dev/null
  local used
  used=$(jcmd "$2" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
  log "HEAP $1 $((used / 1024)) MiB after full GC; THREADS $(grep '^Threads:' /proc/"$2"/status | awk '{print $2}'); load $(cut -d' ' -f1-3 /proc/loadavg)"
}

drive() { # label url mode seconds connections
  local r
  r=$(wrk -t2 -c"$5" -d"$4"s --timeout 10s -s benchmarks/load/load.lua "$2" -- "$3" "$OUT" | grep '^RESULT')
  log "$1 c=$5 d=$4s load=$(cut -d' ' -f1 /proc/loadavg) $r"
}

: >"$OUT/results.txt"
log "START $(date -u +%FT%TZ) $what $*; $(nproc) cores; $(uptime)"
if [[ $what == load ]]; then
  secs=${2:-60}; rounds=${3:-2}; conns=${4:-"50 200"}
  start baseline "$BASE"
  start subject "$FULL"
  drive warmup-baseline "$URL_baseline" auth 15 50 >/dev/null
  drive warmup-subject "$URL_subject" auth 15 50 >/dev/null
  drive warmup-mix "$URL_subject" mix 15 50 >/dev/null
  heap baseline-start "$PID_baseline"
  heap subject-start "$PID_subject"
  for c in $conns; do
    for r in $(seq 1 "$rounds"); do
      if (( r % 2 == 1 )); then
        drive "auth-baseline r$r" "$URL_baseline" auth "$secs" "$c"
        drive "auth-subject r$r" "$URL_subject" auth "$secs" "$c"
      else
        drive "auth-subject r$r" "$URL_subject" auth "$secs" "$c"
        drive "auth-baseline r$r" "$URL_baseline" auth "$secs" "$c"
      fi
      drive "mix-subject r$r" "$URL_subject" mix "$secs" "$c"
    done
  done
  heap baseline-end "$PID_baseline"
  heap subject-end "$PID_subject"
elif [[ $what == soak ]]; then
  secs=${2:-600}; chunk=${3:-60}; c=${4:-50}; cache=${5:-10000}
  start subject "$FULL" "loginrocket.jwt.cache-size=$cache"
  heap soak-start "$PID_subject"
  for (( t = chunk; t <= secs; t += chunk )); do
    drive "soak t=${t}s" "$URL_subject" soak "$chunk" "$c"
    heap "soak t=${t}s" "$PID_subject"
  done
else
  echo "usage: $0 load [SECONDS] [ROUNDS] [CONNECTIONS] | soak [SECONDS] [CHUNK] [CONNECTIONS] [CACHE_SIZE] | smoke [MAX_SECONDS] | java CLASS [ARGS]" >&2
  exit 2
fi
log "END $(date -u +%FT%TZ)"
