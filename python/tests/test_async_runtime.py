"""AsyncClient on the Rust I/O runtime: hundreds of calls in flight on a handful of threads, and a
cancelled call abandons its request (its connection closed, its write never made)."""

import asyncio
import os
import subprocess
import sys
import threading
import time

import pytest

import o365kit
from conftest import MEMBER, PUBLIC

linux = pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="counts threads and sockets in /proc")


def threads() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("Threads:"))


def sockets() -> int:
    n = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            n += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:
            pass  # closed meanwhile
    return n


def named(name: str) -> int:
    names = []
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return names.count(name)


@linux
def test_200_concurrent_calls_run_together_on_a_handful_of_threads():
    # Each answer takes 300 ms, so calls overlap only if they are in flight together.
    with o365kit.emulator(latency_ms=300) as url:

        async def main():
            client = o365kit.AsyncClient(token=MEMBER, base_url=url)
            await client.get_group(PUBLIC)  # the runtime is up
            before_threads, before_sockets = threads(), sockets()
            peak = {"threads": before_threads, "sockets": before_sockets}
            done = asyncio.Event()

            async def watch():
                while not done.is_set():
                    peak["threads"] = max(peak["threads"], threads())
                    peak["sockets"] = max(peak["sockets"], sockets())
                    await asyncio.sleep(0.01)

            watcher = asyncio.ensure_future(watch())
            groups = await asyncio.gather(*(client.get_group(PUBLIC) for _ in range(200)))
            done.set()
            await watcher
            return groups, before_threads, before_sockets, peak

        groups, before_threads, before_sockets, peak = asyncio.run(main())

    assert len(groups) == 200 and {g.id for g in groups} == {PUBLIC}
    assert {g.display_name for g in groups} == {"Contoso Marketing"}
    # Each call in flight holds a client socket and the emulator's end of it (same process): a
    # thread pool of asyncio's default size (at most 32) could not reach a hundred at once.
    assert (peak["sockets"] - before_sockets) // 2 >= 100, peak
    # No thread per call: the process gained none while the 200 ran; the runtime has two workers
    # and one thread that hands answers to the loop.
    assert peak["threads"] - before_threads <= 1, (before_threads, peak)
    assert (named("o365kit-io"), named("o365kit-done")) == (2, 1)
    assert not [t.name for t in threading.enumerate() if t.name.startswith("asyncio")]


def test_a_timed_out_call_is_abandoned_and_its_write_never_made():
    # The emulator waits 1.5 s before handling a request; the call is given 0.2 s.
    with o365kit.emulator(latency_ms=1500) as url:

        async def main():
            client = o365kit.AsyncClient(token=MEMBER, base_url=url)
            started = time.monotonic()
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.create_thread(PUBLIC, "Never posted", "<p>x</p>"), 0.2)
            ended = time.monotonic() - started
            await asyncio.sleep(2)  # past the latency: a request still going would have posted by now
            topics = [t.topic async for t in client.list_group_threads(PUBLIC)]
            return ended, topics

        ended, topics = asyncio.run(main())

    assert ended < 1.0, f"the timed-out call ended after {ended:.2f} s"
    assert "Never posted" not in topics and topics, "the client stays usable; the write was dropped"


def test_a_cancelled_task_closes_its_connection():
    # A server on the test's own loop that never answers: it sees the request, then the client
    # closing the connection once the task is cancelled.
    async def main():
        seen, closed = asyncio.Event(), asyncio.Event()

        async def serve(reader, writer):
            await reader.readuntil(b"\r\n\r\n")
            seen.set()
            if await reader.read() == b"":
                closed.set()
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = o365kit.AsyncClient(token=MEMBER, base_url=f"http://127.0.0.1:{port}")
        task = asyncio.ensure_future(client.get_group(PUBLIC))
        await asyncio.wait_for(seen.wait(), 5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.wait_for(closed.wait(), 2)
        server.close()
        await server.wait_closed()
        return closed.is_set()

    assert asyncio.run(main())


def shown(error) -> str:
    """All a traceback that shows its frames' locals prints."""
    import traceback

    tb = traceback.TracebackException(type(error), error, error.__traceback__, capture_locals=True)
    return "".join(tb.format()) + repr(error)


# A module constant, so that no frame of the test itself holds it as a local.
SECRET = "emulator:nobody-q7x3k9@contoso.test"


def test_async_tokens_and_errors_without_the_token(emulator):
    async def token():
        return MEMBER

    async def not_a_str():
        return 123

    class AsyncCredential:
        async def get_token(self, *scopes):
            return type("Access", (), {"token": SECRET, "expires_on": "soon"})()

    async def main():
        group = await o365kit.AsyncClient(token=token, base_url=emulator.url).get_group(PUBLIC)
        errors = []
        for make in (lambda: SECRET, lambda: not_a_str, AsyncCredential):
            with pytest.raises((o365kit.GraphError, o365kit.InvalidInput)) as refused:
                await o365kit.AsyncClient(token=make(), base_url=emulator.url).get_group(PUBLIC)
            errors.append(refused.value)
        return group, errors

    group, (unknown, not_str, bad_expiry) = asyncio.run(main())
    assert group.id == PUBLIC
    assert isinstance(unknown, o365kit.Unauthorized)
    assert isinstance(not_str, o365kit.InvalidInput) and not_str.param == "token"
    assert isinstance(bad_expiry, o365kit.InvalidInput) and "expires_on" in str(bad_expiry)
    for error in (unknown, not_str, bad_expiry):
        assert SECRET not in shown(error)


def test_a_credential_refresh_runs_off_the_loop(emulator):
    class Access:
        def __init__(self, token, expires_on):
            self.token, self.expires_on = token, expires_on

    class Credential:
        threads = []

        def get_token(self, *scopes):
            Credential.threads.append(threading.current_thread())
            return Access(MEMBER, time.time() + 3600)

    async def main():
        client = o365kit.AsyncClient(token=Credential(), base_url=emulator.url)
        await asyncio.gather(*(client.get_group(PUBLIC) for _ in range(3)))
        await client.get_group(PUBLIC)
        return threading.current_thread()

    loop_thread = asyncio.run(main())
    assert Credential.threads and loop_thread not in Credential.threads
    assert len(Credential.threads) == 1, "fetched once, then cached"


@linux
def test_import_and_construction_start_no_runtime():
    # The runtime's threads start on the first call, and asyncio is imported by the caller's loop.
    code = (
        "import sys, o365kit; o365kit.AsyncClient(token='t', base_url='http://127.0.0.1:1'); "
        "status = open('/proc/self/status').read(); "
        "print(next(l.split()[1] for l in status.splitlines() if l.startswith('Threads:')), 'asyncio' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "False"], out
