#!/usr/bin/python3
"""Interop check between Wirewatch and Confluent's own Python client (python3-confluent-kafka).

consume: reads a topic through the schema registry with a DeserializingConsumer and prints one JSON line per
         record: {"key", "schema_id", "value"}; the first line describes what the registry told
         confluent_kafka.schema_registry.SchemaRegistryClient about the topic's value subject.
produce: writes WireReport records with Confluent's serializer (which registers the schema under
         <topic>-value), prints each record it wrote as a JSON line {"key", "value"}, then a last line with
         what SchemaRegistryClient.lookup_schema finds for that schema: {"registered": {...}}.

Values are decoded and encoded by Confluent's code: confluent_kafka.schema_registry.avro when fastavro is
installed, else the client's python3-avro serializer (confluent_kafka.avro.MessageSerializer); the registry
calls go through confluent_kafka's SchemaRegistryClient. Timestamps print as ISO-8601 UTC with milliseconds,
dates as YYYY-MM-DD.
"""
import argparse
import datetime
import json
import struct
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, DeserializingConsumer, SerializingProducer, TopicPartition
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.serialization import Deserializer, Serializer, StringDeserializer, StringSerializer

try:
    from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
    CODEC = "confluent_kafka.schema_registry.avro (fastavro)"
except ImportError:
    AvroDeserializer = AvroSerializer = None
    import avro.schema
    from confluent_kafka.avro.cached_schema_registry_client import CachedSchemaRegistryClient
    from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
    CODEC = "confluent_kafka.avro.MessageSerializer (python3-avro)"

UTC = datetime.timezone.utc


class WithSchemaId(Deserializer):
    """Decodes with Confluent's deserializer and keeps the schema id of the record's own header."""

    def __init__(self, inner):
        self._inner = inner

    def __call__(self, value, ctx):
        if value is None:
            return {"schema_id": None, "value": None}
        magic, schema_id = struct.unpack(">bI", value[:5])
        return {"schema_id": schema_id, "value": self._inner(value, ctx)}


class LegacyAvroDeserializer(Deserializer):
    """Confluent's python3-avro decoder behind the Deserializer interface of DeserializingConsumer."""

    def __init__(self, registry_url):
        self._serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))

    def __call__(self, value, ctx):
        return None if value is None else self._serializer.decode_message(value, is_key=False)


class LegacyAvroSerializer(Serializer):
    """Confluent's python3-avro encoder (registers <topic>-value) behind the Serializer interface."""

    def __init__(self, registry_url, schema_str):
        self._serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
        self._schema = avro.schema.parse(schema_str)

    def __call__(self, value, ctx):
        if value is None:
            return None
        return self._serializer.encode_record_with_schema(ctx.topic, self._schema, value, is_key=False)


def plain(value):
    """A decoded Avro value as plain JSON."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (value.microsecond // 1000)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def consume(args):
    registry = SchemaRegistryClient({"url": args.registry})
    subject = args.topic + "-value"
    latest = registry.get_latest_version(subject)
    by_id = registry.get_schema(latest.schema_id)
    print(json.dumps({"registry": {
        "subjects": registry.get_subjects(),
        "subject": latest.subject, "version": latest.version, "schema_id": latest.schema_id,
        "schema_name": json.loads(by_id.schema_str)["name"], "schema_type": by_id.schema_type,
        "codec": CODEC}}), flush=True)

    if AvroDeserializer is not None:
        values = AvroDeserializer(registry)
    else:
        values = LegacyAvroDeserializer(args.registry)
    consumer = DeserializingConsumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "key.deserializer": StringDeserializer("utf_8"),
        "value.deserializer": WithSchemaId(values),
    })
    # The test topics have one partition: assigning it directly skips the group rebalance.
    consumer.assign([TopicPartition(args.topic, 0, OFFSET_BEGINNING)])
    seen = 0
    deadline = time.time() + args.timeout
    try:
        while seen < args.count:
            if time.time() > deadline:
                sys.exit("timed out after %ss with %d of %d records" % (args.timeout, seen, args.count))
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                sys.exit("consumer error: %s" % message.error())
            decoded = message.value()
            print(json.dumps({"key": message.key(), "schema_id": decoded["schema_id"],
                              "value": plain(decoded["value"])}, ensure_ascii=False), flush=True)
            seen += 1
    finally:
        consumer.close()


def report(index):
    first = datetime.datetime(2018, 11, 17, 10, 15, tzinfo=UTC) + datetime.timedelta(minutes=index, milliseconds=250)
    return {
        "uri": "urn:python:interop:%d" % index,
        "version": index + 1,
        "pubStatus": "CANCELED" if index == 2 else "USABLE",
        "firstCreated": first,
        "versionCreated": None if index == 1 else first + datetime.timedelta(hours=2),
        "language": "ar" if index == 1 else "en",
        "agency": "Reuters",
        "located": None,
        "headline": "Python report %d" % index,
        "body": "Air strikes killed %d people. D\u00e9g\u00e2ts \u00e0 Ab\u016b \u1e24u\u1e63n." % (40 + index),
        "urgency": None if index == 0 else index,
        "format": "NINJS",
        "source": "python",
        "receivedAt": first + datetime.timedelta(seconds=1),
        "signals": ["update"] * index,
    }


def produce(args):
    with open(args.schema_file, encoding="utf-8") as f:
        schema_str = f.read()
    if AvroSerializer is not None:
        values = AvroSerializer(SchemaRegistryClient({"url": args.registry}), schema_str)
    else:
        values = LegacyAvroSerializer(args.registry, schema_str)
    producer = SerializingProducer({
        "bootstrap.servers": args.bootstrap,
        "key.serializer": StringSerializer("utf_8"),
        "value.serializer": values,
    })
    errors = []

    def delivered(err, msg):
        if err is not None:
            errors.append(str(err))

    for index in range(args.count):
        value = report(index)
        producer.produce(topic=args.topic, key=value["uri"], value=value, on_delivery=delivered)
        print(json.dumps({"key": value["uri"], "value": plain(value)}, ensure_ascii=False), flush=True)
    producer.produce(topic=args.topic, key="urn:python:interop:tombstone", value=None, on_delivery=delivered)
    remaining = producer.flush(args.timeout)
    if remaining or errors:
        sys.exit("delivery failed: %d undelivered, errors %s" % (remaining, errors))
    # What the registry recorded for the schema the serializer registered, asked through Confluent's client.
    registered = SchemaRegistryClient({"url": args.registry}).lookup_schema(
        args.topic + "-value", Schema(schema_str, "AVRO"))
    print(json.dumps({"registered": {"subject": registered.subject, "version": registered.version,
                                     "schema_id": registered.schema_id}}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["consume", "produce"])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--group", default="confluent-interop")
    parser.add_argument("--schema-file")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    consume(args) if args.mode == "consume" else produce(args)


if __name__ == "__main__":
    main()
