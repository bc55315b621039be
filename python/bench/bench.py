"""o365kit against json.loads, msgraph-sdk (kiota) and python-o365 on the same fixtures (1000 posts,
messages and events: python/bench/fixture.py), as ratios.

Run with python/bench/run (it makes a venv with the peers installed; `run --quick` for json.loads
and o365kit only, `run events` for one page). Not a test: it prints figures.
"""

import functools
import statistics
import subprocess
import sys
import time

from fixture import PAGES, READS, read

# The model class of each page, in o365kit, msgraph-sdk (its collection response) and python-o365.
MODELS = {"posts": ("Post", "PostCollectionResponse", "post_collection_response"),
          "messages": ("Message", "MessageCollectionResponse", "message_collection_response"),
          "events": ("Event", "EventCollectionResponse", "event_collection_response")}


def timed(fn, budget=2.0, most=15, least=3):
    """Min and median of several runs: up to `most`, fewer for a slow peer (at least `least`)."""
    times = []
    while len(times) < most and (len(times) < least or sum(times) < budget):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def with_json(kind, data):
    import json

    (a, _), (b, _) = READS[kind]
    page = json.loads(data)
    return [(read(p, a), read(p, b)) for p in page["value"]]


def with_o365kit(kind, data):
    import o365kit

    (_, a), (_, b) = READS[kind]
    page = getattr(o365kit, MODELS[kind][0]).from_json_page(data)
    get = lambda obj, path: functools.reduce(getattr, path, obj)  # noqa: E731
    return [(get(p, a), get(p, b)) for p in page.value]


def with_o365kit_direct(kind, data):
    # The same reads written out, as a user writes them (no reduce/getattr indirection).
    import o365kit

    page = getattr(o365kit, MODELS[kind][0]).from_json_page(data)
    if kind == "events":
        return [(e.organizer.email_address.address, e.start.date_time) for e in page.value]
    return [(p.from_.email_address.address, p.body.content) for p in page.value]


def with_msgraph(kind, data):
    import importlib

    from kiota_serialization_json.json_parse_node_factory import JsonParseNodeFactory

    _, cls, mod = MODELS[kind]
    model = getattr(importlib.import_module(f"msgraph.generated.models.{mod}"), cls)
    node = JsonParseNodeFactory().get_root_parse_node("application/json", data)
    page = node.get_object_value(model)
    if kind == "events":
        return [(e.organizer.email_address.address, e.start.date_time) for e in page.value]
    return [(p.from_.email_address.address, p.body.content) for p in page.value]


def with_python_o365(kind, data):
    # python-o365 has no group posts; its Message is the nearest model with from/body. Its Event
    # reads `start` into a datetime.
    import json

    from O365 import Account
    from O365.calendar import Event
    from O365.message import Message

    account = Account(("client-id", "secret"))
    page = json.loads(data)
    if kind == "events":
        schedule = account.schedule()
        events = [Event(parent=schedule, **{schedule._cloud_data_key: e}) for e in page["value"]]
        return [(e.organizer.address, e.start) for e in events]
    mailbox = account.mailbox()
    msgs = [Message(parent=mailbox, **{mailbox._cloud_data_key: p}) for p in page["value"]]
    return [(m.sender.address, m.body) for m in msgs]


STARTUP = {
    "o365kit": "import o365kit; o365kit.Client(token='t', base_url='http://127.0.0.1:1')",
    "o365kit async": "import o365kit; o365kit.AsyncClient(token='t', base_url='http://127.0.0.1:1')",
    "msgraph-sdk": (
        "from azure.identity import ClientSecretCredential; from msgraph import GraphServiceClient; "
        "c = GraphServiceClient(ClientSecretCredential('t', 'c', 's'), ['https://graph.microsoft.com/.default']); "
        "c.groups.by_group_id('g').threads.to_get_request_information()"
    ),
    "python-o365": "from O365 import Account; Account(('c', 's')).groups()",
}


def startup(code, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t)
    base = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t)
    return min(times) - min(base)


CASES = [("json.loads", with_json), ("o365kit", with_o365kit_direct), ("msgraph-sdk", with_msgraph), ("python-o365", with_python_o365)]


def bench_page(kind, peers):
    data = PAGES[kind](1000)
    expected = with_json(kind, data)
    assert with_o365kit(kind, data) == expected, "o365kit read different values"
    # json.loads and o365kit run in turn, round by round, so that a busy moment of a shared
    # machine falls on both; the peers (hundreds of times slower) run on their own.
    pair = [functools.partial(fn, kind, data) for _, fn in CASES[:2]]
    best = [float("inf"), float("inf")]
    for _ in range(20):
        for i, run in enumerate(pair):
            t = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - t)
    rows = []
    for name, fn in CASES:
        if name not in ("json.loads", "o365kit") and not peers:
            continue
        run = functools.partial(fn, kind, data)
        try:
            got = run()
        except Exception as e:  # noqa: BLE001 - a peer that cannot run is reported, not fatal
            rows.append((name, None, f"{type(e).__name__}: {e}"))
            continue
        assert [a for a, _ in got] == [a for a, _ in expected], f"{name} read different addresses"
        if name in ("json.loads", "o365kit"):
            rows.append((name, (best[len(rows)], None), ""))
        else:
            rows.append((name, timed(run, budget=3.0, most=5, least=1), ""))
    base = rows[0][1][0]
    ours = rows[1][1][0]
    (a, _), (b, _) = READS[kind]
    print(f"parse a 1000-{kind[:-1]} Graph page ({len(data) / 1e6:.1f} MB) and read {'.'.join(a)} + {'.'.join(b)} of each (min of runs)")
    for name, t, err in rows:
        if t is None:
            print(f"  {name:12} could not run: {err}")
            continue
        print(f"  {name:12} {t[0] * 1e3:8.2f} ms  ({t[0] / base:5.2f}x json.loads, o365kit is {t[0] / ours:6.1f}x faster)")


def main():
    # `bench.py --quick`: json.loads and o365kit only (the peers take most of the time).
    peers = "--quick" not in sys.argv
    kinds = [k for k in PAGES if k in sys.argv] or list(PAGES)
    for kind in kinds:
        bench_page(kind, peers)
        print()
    if not peers:
        return
    print("import + client construction (+ first request built), in a fresh interpreter, minus bare start-up")
    for name, code in STARTUP.items():
        try:
            print(f"  {name:13} {startup(code) * 1e3:8.1f} ms")
        except subprocess.CalledProcessError as e:
            print(f"  {name:13} could not run: {e}")


if __name__ == "__main__":
    main()
