#!/usr/bin/env python3
"""Top frames of a JFR recording, as the README's intake profile was made (issue 18).

  java -XX:StartFlightRecording=filename=rec.jfr,settings=profile -jar workstreams.jar   # then load it
  bench/jfr-top.py rec.jfr                                  # CPU: jdk.ExecutionSample
  bench/jfr-top.py rec.jfr jdk.ObjectAllocationSample       # allocation, weighted by bytes
  bench/jfr-top.py rec.jfr jdk.ExecutionSample 'dev.workstreams|org/h2/command'   # inclusive filter

Prints the share of samples per thread (digits folded), the top self frames, and the methods on
the stack of the most samples (inclusive) that match the filter. Needs the JDK's `jfr` on PATH.
"""
import collections
import json
import re
import subprocess
import sys

recording = sys.argv[1]
event = sys.argv[2] if len(sys.argv) > 2 else "jdk.ExecutionSample"
keep = re.compile(sys.argv[3] if len(sys.argv) > 3 else
                  r"dev/workstreams|org/h2/command|org/h2/jdbc|org/h2/mvstore/(FileStore|MVStore)\.|SessionLocal\.commit"
                  r"|crypto/Mac|jackson/core/json|JavalinServlet\.(handleSync|writeResponseAndLog)")
printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", event, recording],
                         capture_output=True, text=True, check=True).stdout
events = json.loads(printed)["recording"]["events"]

total = 0
threads, self_frames, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
for e in events:
    values = e["values"]
    frames = (values.get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    weight = values.get("weight") or 1
    total += weight
    thread = values.get("sampledThread") or values.get("eventThread") or {}
    threads[re.sub(r"\d+", "N", thread.get("javaName") or "?")] += weight
    names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
    self_frames[names[0]] += weight
    for name in set(names):
        inclusive[name] += weight

if not total:
    sys.exit(f"no {event} with a stack in {recording}")
print(f"{event}: {len(events)} events, total weight {total}")
print("-- threads")
for name, w in threads.most_common(10):
    print(f"{100 * w / total:5.1f}% {name}")
print("-- self")
for name, w in self_frames.most_common(20):
    print(f"{100 * w / total:5.1f}% {name}")
print("-- inclusive (filtered)")
for name, w in [(n, w) for n, w in inclusive.most_common() if keep.search(n)][:40]:
    print(f"{100 * w / total:5.1f}% {name}")
