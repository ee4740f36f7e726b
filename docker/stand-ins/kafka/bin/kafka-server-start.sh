#!/usr/bin/env bash
# Starts the broker (kafka.Kafka) with a properties file, with the heap and logging defaults of the
# release's kafka-server-start.sh: 1 GiB heap unless KAFKA_HEAP_OPTS says otherwise.
set -o nounset -o errexit
[ $# -ge 1 ] || { echo "USAGE: $0 server.properties [--override property=value]*" >&2; exit 1; }

base_dir=$(cd "$(dirname "$0")/.." && pwd)
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:-"-Xmx1G -Xms1G"}
export KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:-"-Dlog4j2.configurationFile=$base_dir/config/log4j2.yaml"}
exec "$base_dir/bin/kafka-run-class.sh" kafka.Kafka "$@"
