#!/usr/bin/env bash
# Runs a main class from Kafka's jars with the environment variables Kafka's own scripts read:
# KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_GC_LOG_OPTS, KAFKA_JMX_OPTS, KAFKA_LOG4J_OPTS,
# KAFKA_OPTS and JMX_PORT. Written for the stand-in image; it is not the release's script.
set -o nounset -o errexit
[ $# -ge 1 ] || { echo "USAGE: $0 classname [opts]" >&2; exit 1; }

base_dir=$(cd "$(dirname "$0")/.." && pwd)
heap=${KAFKA_HEAP_OPTS:-"-Xmx256M"}
performance=${KAFKA_JVM_PERFORMANCE_OPTS:-"-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true"}
jmx=${KAFKA_JMX_OPTS:-"-Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false"}
if [ -n "${JMX_PORT-}" ]; then
  jmx="$jmx -Dcom.sun.management.jmxremote.port=$JMX_PORT -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT"
fi
log4j=${KAFKA_LOG4J_OPTS:-"-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml"}

# Word splitting of the option variables is intended: each holds several JVM options.
# shellcheck disable=SC2086
exec java $heap $performance ${KAFKA_GC_LOG_OPTS-} $jmx $log4j -cp "$base_dir/libs/*" ${KAFKA_OPTS-} "$@"
