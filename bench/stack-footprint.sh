#!/usr/bin/env bash
# Measures the local stack: wall time from launch to the "Stack ready" line, and the total
# resident memory (RSS) of the launcher and all its children 5 s after that.
# Usage: bench/stack-footprint.sh [workers] [http-port] [kafka-port]   (after ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-3}
http_port=${2:-8080}
kafka_port=${3:-9092}
out=$(mktemp)
fifo=$(mktemp -u)
mkfifo "$fifo"
sleep 100000 > "$fifo" &
holder=$!
start=$(date +%s.%N)
java -jar local-stack/target/local-stack.jar --workers "$workers" --http-port "$http_port" --kafka-port "$kafka_port" \
  < "$fifo" > "$out" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null; kill $holder 2>/dev/null; rm -f "$fifo" "$out"' EXIT
until grep -q "Stack ready" "$out"; do
  kill -0 $launcher 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.1
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
sleep 5
processes=$(( $(pgrep -P $launcher | wc -l) + 1 ))
rss_kib=$(for pid in $launcher $(pgrep -P $launcher); do awk '/VmRSS/ {print $2}' /proc/$pid/status; done | awk '{s += $1} END {print s}')
grep "Stack ready" "$out"
printf 'launch to ready: %.1f s (wall clock); total RSS: %d MiB over %d processes (%d workers)\n' \
  "$ready" $(( rss_kib / 1024 )) "$processes" "$workers"
