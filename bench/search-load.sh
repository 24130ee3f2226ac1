#!/usr/bin/env bash
# Search service benchmark (docs/BENCHMARKS.md, "Search").
#
#   [WARM=SECONDS] [DRIVER_WARM=SECONDS] [DRIVER_JAVA=OPTIONS] bench/search-load.sh [-d SECONDS] [-r RATE] [-c CONNS] [-k ENTRIES] [-s] SIZE...   e.g. bench/search-load.sh 1000 10000 100000
#
# For each SIZE (number of items): generate a synthetic province and a query log
# (bench/search-corpus.py, cached under $BENCH_DATA, default /tmp/trang-search-bench), index it with
# Trang's own schema and analysis, start `trang search` on loopback, warm it up, then
#   1. closed loop, wrk: maximum throughput with 4, 16 and 64 connections (p50/p99 as wrk sees them);
#   2. open loop, vn.trang.search.eval.LoadDriver: a fixed RATE (default 1000/s) for SECONDS, with
#      latency measured from when each request was due (no coordinated omission).
# Everything runs on this machine: the load generator takes CPU from the service, as it would not
# in production (nginx and clients elsewhere). Results are appended to $BENCH_DATA/results.tsv.
# -k sets the service's result cache (entries per publish; default the service's own, 0 = off): the
# query log repeats queries, so with the cache on most answers after warm-up come from it.
# -s ("as shipped"): the result cache at its default (or -k), and logs that are never replayed: the service is
# warmed up on one log (DIR/log-warm.txt, 20,000 queries) and measured, open loop only, on another
# drawn from the same mix with another seed (DIR/log-run-RATE-SECONDS.txt, one line per request, none repeated
# by the driver), so answers come from the cache only where the mix itself repeats a query (the
# cache's hits and misses during the run are printed).
# Needs: a JDK 17, Maven (to build the jar once), python3 with PyYAML, wrk (apt-get install -y wrk).
# SERVICE_ARGS adds options to `trang search` (e.g. "--threads 4").
# TRANG_JAR (default generator/target/trang.jar) and TRANG_TOOLS_JAR (default tools/target/trang-tools.jar,
# the indexer and load driver, not shipped), or TRANG_CP (a classpath), say which build to measure.
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=20
WARM=${WARM:-30}
DRIVER_WARM=${DRIVER_WARM:-5}
# Options for the load driver's JVM (none by default). "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
# -Xmx256m" (no C2 compilation, no concurrent collector threads) was tried: no better (BENCHMARKS).
DRIVER_JAVA=${DRIVER_JAVA:-}
RATE=1000
CONNS=64
CACHE=
SHIPPED=
while getopts "d:r:c:k:s" o; do
  case $o in d) DUR=$OPTARG ;; r) RATE=$OPTARG ;; c) CONNS=$OPTARG ;; k) CACHE=$OPTARG ;; s) SHIPPED=1 ;; *) exit 2 ;; esac
done
CACHE_OPT=${CACHE:+--cache $CACHE}
MODE=wrk${CACHE:+-cache$CACHE}
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- 1000 10000 100000
DATA=${BENCH_DATA:-/tmp/trang-search-bench}
JAR=${TRANG_JAR:-generator/target/trang.jar}
TOOLS_JAR=${TRANG_TOOLS_JAR:-tools/target/trang-tools.jar}
CP=${TRANG_CP:-$JAR:$TOOLS_JAR}
PORT=${PORT:-4017}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] && [ -f "$TOOLS_JAR" ] || mvn -B -q -o package -DskipTests
mkdir -p "$DATA"
RESULTS=$DATA/results.tsv
[ -f "$RESULTS" ] || printf 'date\tdocs\tindex_s\tindex_mb\tmode\tconns_or_rate\trps\tp50_ms\tp90_ms\tp99_ms\terrors\n' > "$RESULTS"
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

for SIZE in "$@"; do
  D=$DATA/d$SIZE
  [ -f "$D/docs.jsonl" ] || python3 bench/search-corpus.py --docs "$SIZE" --out "$D" >&2
  if [ ! -d "$D/out/_search/index" ]; then
    INFO=$(java -Xmx4g -cp "$CP" vn.trang.search.eval.CorpusIndex "$D/docs.jsonl" "$D/out")
    echo "$INFO" > "$D/index.json"
  fi
  INFO=$(cat "$D/index.json")
  INDEX_S=$(python3 -c "import json; print(round(json.load(open('$D/index.json'))['index_ms']/1000, 1))")
  INDEX_MB=$(python3 -c "import json; print(round(json.load(open('$D/index.json'))['index_bytes']/1048576, 1))")
  echo "== $SIZE items: $INFO" >&2
  # The machine's own stalls, at rest (a shared virtual machine stops now and then while its host
  # runs another guest): no p99 below can be better than these.
  echo "machine at rest, 10 s: $(java -cp "$CP" vn.trang.search.eval.Hiccups 10)"
  # The launcher's collector for `trang search` (./trang): G1 (SERVICE_GC=-XX:+UseParallelGC to compare).
  # Its collections are logged to DIR/gc.log.
  # shellcheck disable=SC2086 # empty or one option with its value
  java -Xmx1g ${SERVICE_GC:--XX:+UseG1GC} -Xlog:gc:file="$D/gc.log" -cp "$CP" vn.trang.cli.TrangCommand search --index "$D/out" --port "$PORT" --poll 0 $CACHE_OPT ${SERVICE_ARGS:-} > "$D/service.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/api/search/health" >/dev/null 2>&1 && break; sleep 0.2; done
  # Warm-up: the JIT compiles the hot paths, the OS pages the index in. It takes about 30 s: at
  # 10,000 items, three 10 s rounds of wrk gave 491, 829 and 1,375 searches/s.
  WARM_LOG=$D/queries.txt
  if [ -n "$SHIPPED" ]; then
    WARM_LOG=$D/log-warm.txt
    [ -f "$WARM_LOG" ] || python3 bench/search-corpus.py --docs "$SIZE" --out "$D" --log "$WARM_LOG" --queries 20000 --seed 1
    # One line per request, the driver's warm-up included: none is sent twice.
    RUN_LOG=$D/log-run-$RATE-$((DRIVER_WARM + DUR)).txt
    [ -f "$RUN_LOG" ] || python3 bench/search-corpus.py --docs "$SIZE" --out "$D" --log "$RUN_LOG" \
      --queries $(( (DRIVER_WARM + DUR) * RATE )) --seed 2
  fi
  # As shipped, the open loop comes after as much load as it does otherwise (warm-up and three closed loops).
  WARM_S=$WARM
  [ -z "$SHIPPED" ] || WARM_S=$((WARM + 3 * DUR))
  QUERIES=$WARM_LOG wrk -t2 -c16 -d"${WARM_S}s" -s bench/search-queries.lua "http://127.0.0.1:$PORT" >/dev/null
  if [ -n "$SHIPPED" ]; then
    BEFORE=$(curl -fs "http://127.0.0.1:$PORT/api/search/health")
    # shellcheck disable=SC2086 # options, split on purpose
    OUT=$(java $DRIVER_JAVA -cp "$CP" vn.trang.search.eval.LoadDriver "http://127.0.0.1:$PORT" "$RUN_LOG" "$RATE" "$DUR" 64 "$DRIVER_WARM")
    AFTER=$(curl -fs "http://127.0.0.1:$PORT/api/search/health")
    HITS=$(python3 -c "import json,sys; b,a=(json.loads(x)['cache'] for x in sys.argv[1:]); h=a['hits']-b['hits']; m=a['misses']-b['misses']; print('%d hits, %d misses (%.0f %% from the cache)' % (h, m, 100.0*h/max(1,h+m)))" "$BEFORE" "$AFTER")
    echo "open loop $RATE/s, as shipped  $OUT"
    echo "cache during the run: $HITS"
    printf '%s\t%s\t%s\t%s\topen-shipped'"${CACHE:+-cache$CACHE}"'\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$SIZE" "$INDEX_S" "$INDEX_MB" "$RATE" \
      "$(field "$OUT" achieved)" "$(field "$OUT" p50_ms)" "$(field "$OUT" p90_ms)" "$(field "$OUT" p99_ms)" "$(field "$OUT" errors)" >> "$RESULTS"
    kill $PID; wait $PID 2>/dev/null || true
    trap - EXIT
    continue
  fi
  for C in 4 16 "$CONNS"; do
    OUT=$(QUERIES=$D/queries.txt wrk -t2 -c"$C" -d"${DUR}s" -s bench/search-queries.lua "http://127.0.0.1:$PORT" | tail -1)
    echo "wrk c=$C  $OUT"
    printf '%s\t%s\t%s\t%s\t'"$MODE"'\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$SIZE" "$INDEX_S" "$INDEX_MB" "$C" \
      "$(field "$OUT" rps)" "$(field "$OUT" p50_ms)" "$(field "$OUT" p90_ms)" "$(field "$OUT" p99_ms)" "$(field "$OUT" errors)" >> "$RESULTS"
  done
  # shellcheck disable=SC2086 # options, split on purpose
  OUT=$(java $DRIVER_JAVA -cp "$CP" vn.trang.search.eval.LoadDriver "http://127.0.0.1:$PORT" "$D/queries.txt" "$RATE" "$DUR" 64 "$DRIVER_WARM")
  echo "open loop $RATE/s  $OUT"
  printf '%s\t%s\t%s\t%s\topen'"${CACHE:+-cache$CACHE}"'\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$SIZE" "$INDEX_S" "$INDEX_MB" "$RATE" \
    "$(field "$OUT" achieved)" "$(field "$OUT" p50_ms)" "$(field "$OUT" p90_ms)" "$(field "$OUT" p99_ms)" "$(field "$OUT" errors)" >> "$RESULTS"
  echo "cache: $(curl -fs "http://127.0.0.1:$PORT/api/search/health")" >&2
  kill $PID; wait $PID 2>/dev/null || true
  trap - EXIT
done
