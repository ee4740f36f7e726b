#!/usr/bin/env bash
# Measures the local stack: wall time from launch to the "Stack ready" line, then, 5 s later, the
# memory of the launcher and all its children, summed: resident (VmRSS, shared pages counted in
# every process that maps them) and proportional (Pss, shared pages split between the processes),
# and the CPU time they had used when the stack was ready.
#
# Usage (after ./mvnw -DskipTests package):
#   bench/stack-footprint.sh [workers] [runs] [other-checkout]
# With another checkout (built the same way), runs alternate between it and this one, on any free
# ports, and the medians of both are printed side by side: the way to compare two versions on a
# busy machine. The first start after a build creates the class data archives (once it is ready,
# in the background, in launchers since that change; before the start, in older ones); the script
# does one start of each checkout first that it does not count, and waits for them. DASHBOARD=off
# leaves the dashboard out.
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-3}
runs=${2:-1}
other=${3:-}

# measure DIR: prints "ready-seconds rss-MiB pss-MiB cpu-seconds processes"
measure() {
  local dir=$1 out fifo holder start launcher ready pids
  out=$(mktemp)
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  sleep 100000 > "$fifo" &
  holder=$!
  # A launcher that starts the dashboard gets a free port for it too (older ones have no such flag),
  # or, with DASHBOARD=off, leaves it out: like for like against a checkout from before it.
  local dashboard=() help
  help=$(java -jar "$dir/local-stack/target/local-stack.jar" --help)
  if [ "${DASHBOARD:-on}" = off ] && grep -q -- --no-dashboard <<< "$help"; then
    dashboard=(--no-dashboard)
  elif grep -q -- --dashboard-port <<< "$help"; then
    dashboard=(--dashboard-port 0)
  fi
  start=$(date +%s.%N)
  java -jar "$dir/local-stack/target/local-stack.jar" --workers "$workers" --http-port 0 --kafka-port 0 "${dashboard[@]}" \
    --color never < "$fifo" > "$out" 2>&1 &
  launcher=$!
  until grep -q "^Stack ready" "$out"; do
    if ! kill -0 $launcher 2>/dev/null || grep -q "^Stack not ready" "$out"; then
      cat "$out" >&2
      kill -TERM $launcher 2>/dev/null || true
      wait $launcher 2>/dev/null || true
      kill $holder; rm -f "$fifo" "$out"
      return 1
    fi
    sleep 0.1
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  pids="$launcher $(pgrep -P $launcher | tr '\n' ' ')"
  local cpu
  cpu=$(for pid in $pids; do awk -v t="$(getconf CLK_TCK)" '{print ($14 + $15) / t}' "/proc/$pid/stat"; done \
    | awk '{s += $1} END {printf "%.1f", s}')
  sleep 5
  local rss pss count
  rss=$(for pid in $pids; do awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; done | awk '{s += $1} END {print int(s / 1024)}')
  pss=$(for pid in $pids; do awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup"; done | awk '{s += $1} END {print int(s / 1024)}')
  count=$(echo $pids | wc -w)
  # A first start after a build makes its class data archives once it is ready; stopped before
  # they are done, it would leave them to the next start, which is measured.
  if grep -q "class data archives missing" "$out"; then
    until grep -q "class data archives done" "$out" || ! kill -0 $launcher 2>/dev/null; do sleep 0.5; done
  fi
  kill -TERM $launcher
  wait $launcher 2>/dev/null || true
  kill $holder
  rm -f "$fifo" "$out"
  printf '%.1f %d %d %s %d\n' "$ready" "$rss" "$pss" "$cpu" "$count"
}

median() {
  sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

report() {
  local label=$1 file=$2
  printf '%-10s launch to ready %5.1f s, total RSS %5.0f MiB, total PSS %5.0f MiB, CPU until ready %5.1f s (median of %d; %d processes, %d workers)\n' \
    "$label" "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f2 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(cut -d' ' -f4 "$file" | median)" "$(wc -l < "$file")" "$(head -1 "$file" | cut -d' ' -f5)" "$workers"
}

this_runs=$(mktemp)
other_runs=$(mktemp)
trap 'rm -f "$this_runs" "$other_runs"' EXIT
[ -n "$other" ] && measure "$other" > /dev/null
measure . > /dev/null
for run in $(seq "$runs"); do
  if [ -n "$other" ]; then
    measure "$other" | tee -a "$other_runs" | sed "s/^/other run $run: /"
  fi
  measure . | tee -a "$this_runs" | sed "s/^/this  run $run: /"
done
[ -n "$other" ] && report "$other" "$other_runs"
report "this" "$this_runs"
