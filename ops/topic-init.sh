#!/bin/sh
# Creates the topics of ops/topics.yaml that are missing (kafka-topics.sh --if-not-exists), so a cluster gets
# exactly the catalogue `wirewatch run` creates on its embedded broker. Runs in the apache/kafka image (POSIX sh,
# awk). Idempotent: safe to run on every `docker compose up`.
#
#   BOOTSTRAP_SERVERS   default kafka:9092
#   REPLICATION_FACTOR  default 1 (3 on a real cluster)
#   MIN_INSYNC_REPLICAS unset: the brokers' min.insync.replicas (2 with 3 replicas)
#   TOPICS_FILE         default /ops/topics.yaml
#   KAFKA_TOPICS        default /opt/kafka/bin/kafka-topics.sh
#   DRY_RUN=1           print the commands instead of running them
set -eu

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-}"
TOPICS_FILE="${TOPICS_FILE:-/ops/topics.yaml}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

# One line per topic: name partitions cleanup.policy retention.ms (-1 = forever).
# Only the subset of YAML that topics.yaml uses: "- name:" starts a topic, "key: value" lines follow.
topics() {
  awk '
    function flush() {
      if (name != "") printf "%s %s %s %.0f\n", name, partitions, policy, retention
      name = ""; partitions = 1; policy = "delete"; retention = -1
    }
    function millis(d,    n) {
      # ISO-8601 durations as topics.yaml writes them: PnD, PTnH, PTnM, PTnS
      if (d ~ /^P[0-9]+D$/)   { n = substr(d, 2, length(d) - 2); return n * 86400000 }
      if (d ~ /^PT[0-9]+H$/)  { n = substr(d, 3, length(d) - 3); return n * 3600000 }
      if (d ~ /^PT[0-9]+M$/)  { n = substr(d, 3, length(d) - 3); return n * 60000 }
      if (d ~ /^PT[0-9]+S$/)  { n = substr(d, 3, length(d) - 3); return n * 1000 }
      print "unsupported retention " d > "/dev/stderr"; exit 2
    }
    BEGIN { name = "" }
    /^[[:space:]]*#/ { next }
    /^[[:space:]]*- name:/ { flush(); sub(/^[[:space:]]*- name:[[:space:]]*/, ""); name = $0; next }
    /^[[:space:]]+partitions:/ { partitions = $2; next }
    /^[[:space:]]+cleanup.policy:/ { policy = $2; next }
    /^[[:space:]]+retention:/ { retention = millis($2); next }
    END { flush() }
  ' "$TOPICS_FILE"
}

run() {
  if [ "${DRY_RUN:-0}" = "1" ]; then
    echo "$@"
  else
    "$@"
  fi
}

count=0
topics > /tmp/topics.list
while read -r name partitions policy retention; do
  if [ -n "$MIN_INSYNC_REPLICAS" ]; then
    set -- --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
  else
    set --
  fi
  run "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" \
    --config "cleanup.policy=$policy" --config "retention.ms=$retention" "$@"
  count=$((count + 1))
done < /tmp/topics.list
echo "topic-init: ${count} topics of ${TOPICS_FILE} present on ${BOOTSTRAP_SERVERS}"
