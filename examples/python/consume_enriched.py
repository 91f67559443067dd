#!/usr/bin/python3
"""Reads newsflow's enriched articles from Kafka in Python and prints each article's figures.

    /usr/bin/python3 examples/python/consume_enriched.py --bootstrap-server localhost:9092 [--max N]

Needs Debian's python3-avro and python3-confluent-kafka (they install for /usr/bin/python3).
Each record is Avro single-object encoding: C3 01, the writer schema's CRC-64-AVRO fingerprint
(8 bytes, little-endian), then the binary body. The writer schema is looked up by that
fingerprint in schemas/history/index.json, which the Java build checks: this script does not
compute canonical form itself, because python3-avro 1.11 computes it wrongly.
"""
import argparse
import io
import json
import pathlib
import sys
import uuid

import avro.io
import avro.schema
from confluent_kafka import Consumer

HISTORY = pathlib.Path(__file__).resolve().parents[2] / "schemas" / "history"
MAGIC = b"\xc3\x01"


def load_schemas():
    """Fingerprint (int) -> writer schema, for every released schema in the index."""
    index = json.loads((HISTORY / "index.json").read_text())
    return {int(hex_fp, 16): avro.schema.parse((HISTORY / name).read_text()) for hex_fp, name in index.items()}


def decode(value, schemas):
    if value is None or len(value) < 10 or value[:2] != MAGIC:
        raise ValueError("not Avro single-object encoding")
    fingerprint = int.from_bytes(value[2:10], "little")
    schema = schemas.get(fingerprint)
    if schema is None:
        raise ValueError("unknown writer schema fingerprint %016x" % fingerprint)
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))


def describe(figure):
    who = figure["actor"] or "(whose not stated)"
    claimant = " claimed by " + figure["claimedBy"] if figure["claimedBy"] else ""
    return '  %s %s %d %s%s: "%s"' % (figure["type"], figure["qualifier"], figure["value"], who, claimant,
                                       figure["text"])


def main():
    parser = argparse.ArgumentParser(description="Print newsflow's enriched articles and their figures.")
    parser.add_argument("--bootstrap-server", required=True, metavar="HOST:PORT")
    parser.add_argument("--topic", default="news.articles.enriched")
    parser.add_argument("--max", type=int, default=None, help="stop after N articles (default: follow)")
    args = parser.parse_args()

    schemas = load_schemas()
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_server,
        "group.id": "newsflow-python-example-" + uuid.uuid4().hex,  # a fresh group: always from the beginning
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
    })
    consumer.subscribe([args.topic])
    printed = 0
    try:
        while args.max is None or printed < args.max:
            message = consumer.poll(1.0)
            if message is None:
                continue
            if message.error():
                print("kafka: %s" % message.error(), file=sys.stderr)
                continue
            if message.value() is None:
                continue  # a tombstone: the article was withdrawn
            try:
                article = decode(message.value(), schemas)
            except Exception as e:  # one bad record must not stop the reader
                print("partition %d offset %d: %s" % (message.partition(), message.offset(), e), file=sys.stderr)
                continue
            print("%s: %d figure(s)" % (article["id"], len(article["casualties"])))
            for figure in article["casualties"]:
                print(describe(figure))
            sys.stdout.flush()
            printed += 1
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
