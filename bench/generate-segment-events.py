#!/usr/bin/env python3
"""Writes N Segment Spec `track` events as JSON lines (stdout), deterministic for a given N and seed.

The mix follows the e-commerce spec: product views, list views, cart adds and removals, checkouts and
`Order Completed` with revenue, spread over 50,000 users (a quarter of them anonymous) and 90 days.
Usage: generate-segment-events.py [N=1000000] [seed=7] > events.jsonl
       generate-segment-events.py --identify > users.jsonl   (one `identify` per user, with traits, so that a
       later import of the events links every one to its user's record)
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

USERS = 50_000
start = datetime(2026, 1, 1, tzinfo=timezone.utc)


def who(user):
    """A quarter of the users are anonymous (anonymousId), the rest known (userId), in events and identifies alike."""
    return {"anonymousId": f"anon-{user}"} if user % 4 == 0 else {"userId": f"user-{user}"}


if sys.argv[1:] == ["--identify"]:
    for user in range(USERS):
        message = {"type": "identify", "messageId": f"bench-identify-{user:06d}", "timestamp": "2025-12-31T12:00:00.000Z",
                   "traits": {"email": f"person{user}@example.com", "firstName": f"Given{user}", "lastName": f"Family{user % 997}"}}
        message.update(who(user))
        sys.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
    sys.exit(0)

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
events = ["Product Viewed"] * 50 + ["Product List Viewed"] * 15 + ["Product Added"] * 15 + ["Product Removed"] * 5 \
    + ["Cart Viewed"] * 6 + ["Checkout Started"] * 5 + ["Order Completed"] * 4
out = sys.stdout
write = out.write
for i in range(n):
    user = rng.randrange(USERS)
    event = events[rng.randrange(len(events))]
    ts = start + timedelta(seconds=rng.randrange(90 * 86400))
    message = {
        "type": "track",
        "messageId": f"bench-{i:08d}-{rng.getrandbits(32):08x}",
        "event": event,
        "timestamp": ts.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "properties": {"product_id": f"sku-{rng.randrange(2000)}", "price": round(rng.uniform(5, 200), 2)},
        "context": {"ip": "203.0.113.7", "library": {"name": "analytics.js", "version": "2.11.1"}},
    }
    message.update(who(user))
    if event == "Order Completed":
        message["properties"].update({"order_id": f"o-{i}", "revenue": round(rng.uniform(10, 500), 2), "currency": "EUR"})
    write(json.dumps(message, separators=(",", ":")))
    write("\n")
