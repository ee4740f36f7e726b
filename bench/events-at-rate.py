#!/usr/bin/env python3
"""Prints events in the producer-service's JSON envelope, one "key|json" line each, at a fixed rate,
for kcat to write straight to the events topic (no REST API in between):

    bench/events-at-rate.py 1000 150 | kcat -P -b localhost:9092 -t events -K '|' -X linger.ms=5

Arguments: events per second, seconds. Keys cycle over 1000 values; payload {"n": i, "workMs": 0}.
Paced per 100 ms; the count it reached goes to standard error at the end."""
import datetime
import json
import sys
import time
import uuid

rate, seconds = int(sys.argv[1]), int(sys.argv[2])
start = time.time()
sent = 0
for tick in range(seconds * 10):
    now = datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")
    for _ in range(rate // 10):
        key = "load-%d" % (sent % 1000)
        event = {"id": str(uuid.uuid4()), "type": "load.test", "key": key,
                 "payload": {"n": sent, "workMs": 0}, "occurredAt": now}
        sys.stdout.write(key + "|" + json.dumps(event, separators=(",", ":")) + "\n")
        sent += 1
    sys.stdout.flush()
    wait = start + (tick + 1) / 10 - time.time()
    if wait > 0:
        time.sleep(wait)
sys.stderr.write("wrote %d events in %.1f s\n" % (sent, time.time() - start))
