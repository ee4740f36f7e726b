#!/usr/bin/env bash
# The command-line tools of the stand-in image. Each kafka-*.sh name in this directory is a link to
# this script, which runs the tool's main class from Kafka's jars, as the release's script of the
# same name does.
set -o nounset -o errexit

case "$(basename "$0")" in
  kafka-broker-api-versions.sh) main=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  kafka-topics.sh) main=org.apache.kafka.tools.TopicCommand ;;
  kafka-consumer-groups.sh) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  kafka-console-consumer.sh) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-console-producer.sh) main=org.apache.kafka.tools.ConsoleProducer ;;
  kafka-metadata-quorum.sh) main=org.apache.kafka.tools.MetadataQuorumCommand ;;
  kafka-get-offsets.sh) main=org.apache.kafka.tools.GetOffsetShell ;;
  kafka-storage.sh) main=kafka.tools.StorageTool ;;
  *) echo "$(basename "$0"): not a tool of this image" >&2; exit 1 ;;
esac
exec "$(dirname "$0")/kafka-run-class.sh" "$main" "$@"
