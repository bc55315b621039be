"""o365kit against json.loads, msgraph-sdk (kiota) and python-o365 on the same fixture, as ratios.

Run with python/bench/run (it makes a venv with the peers installed). Not a test: it prints figures.
"""

import statistics
import subprocess
import sys
import time

from fixture import posts_page

DATA = posts_page(1000)


def best_of(fn, repeat=15):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def with_json():
    import json

    page = json.loads(DATA)
    return [(p["from"]["emailAddress"]["address"], p["body"]["content"]) for p in page["value"]]


def with_o365kit():
    import o365kit

    page = o365kit.Post.from_json_page(DATA)
    return [(p.from_.email_address.address, p.body.content) for p in page.value]


def with_msgraph():
    from kiota_serialization_json.json_parse_node_factory import JsonParseNodeFactory
    from msgraph.generated.models.post_collection_response import PostCollectionResponse

    node = JsonParseNodeFactory().get_root_parse_node("application/json", DATA)
    page = node.get_object_value(PostCollectionResponse)
    return [(p.from_.email_address.address, p.body.content) for p in page.value]


def with_python_o365():
    # python-o365 has no group posts; its Message is the nearest model with from/body.
    import json

    from O365 import Account
    from O365.message import Message

    mailbox = Account(("client-id", "secret")).mailbox()
    page = json.loads(DATA)
    msgs = [Message(parent=mailbox, **{mailbox._cloud_data_key: p}) for p in page["value"]]
    return [(m.sender.address, m.body) for m in msgs]


STARTUP = {
    "o365kit": "import o365kit; o365kit.Client(token='t', base_url='http://127.0.0.1:1')",
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


def main():
    expected = with_json()
    rows = []
    for name, fn in [("json.loads", with_json), ("o365kit", with_o365kit), ("msgraph-sdk", with_msgraph), ("python-o365", with_python_o365)]:
        try:
            got = fn()
        except Exception as e:  # noqa: BLE001 - a peer that cannot run is reported, not fatal
            rows.append((name, None, f"{type(e).__name__}: {e}"))
            continue
        assert [a for a, _ in got] == [a for a, _ in expected], f"{name} read different addresses"
        rows.append((name, best_of(fn), ""))
    base = rows[0][1][0]
    ours = rows[1][1][0]
    print("parse a 1000-post Graph page and read from.emailAddress.address + body.content of each")
    for name, t, err in rows:
        if t is None:
            print(f"  {name:12} could not run: {err}")
            continue
        print(f"  {name:12} {t[0] * 1e3:8.2f} ms  ({t[0] / base:5.1f}x json.loads, o365kit is {t[0] / ours:6.1f}x faster)")
    print("\nimport + client construction (+ first request built), in a fresh interpreter, minus bare start-up")
    for name, code in STARTUP.items():
        try:
            print(f"  {name:12} {startup(code) * 1e3:8.1f} ms")
        except subprocess.CalledProcessError as e:
            print(f"  {name:12} could not run: {e}")


if __name__ == "__main__":
    main()
