"""200 concurrent `AsyncClient` calls (asyncio.gather; Rust tasks on the I/O runtime) against 200
calls of the sync `Client` through a ThreadPoolExecutor, side by side against the in-process
emulator, with and without added latency (a round trip to Graph is tens of milliseconds).

Run with python/bench/run async (release wheel) or any interpreter that imports o365kit. Not a
test: it prints figures.
"""

import asyncio
import concurrent.futures
import os
import statistics
import sys
import time

import o365kit

MEMBER = "emulator:member@contoso.test"
PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"
CALLS = 200
ROUNDS = 7


def threads() -> int:
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Threads:"))
    except OSError:
        return -1


def with_async(client):
    async def main():
        groups = await asyncio.gather(*(client.get_group(PUBLIC) for _ in range(CALLS)))
        assert len(groups) == CALLS and groups[-1].id == PUBLIC
        return threads()

    return asyncio.run(main())


def with_pool(client, workers):
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        groups = list(pool.map(lambda _: client.get_group(PUBLIC), range(CALLS)))
        seen = threads()
    assert len(groups) == CALLS and groups[-1].id == PUBLIC
    return seen


def timed(fn):
    times, seen = [], 0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        seen = max(seen, fn())
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), seen


def main():
    default = min(32, (os.cpu_count() or 1) + 4)  # ThreadPoolExecutor's and asyncio's default
    print(f"{CALLS} get_group calls, best and median of {ROUNDS} rounds, {os.cpu_count()} cores")
    for latency in (0, 50):
        with o365kit.emulator(latency_ms=latency) as url:
            # Long-lived clients, as an application keeps one; the first round (not timed) starts the
            # runtime and opens the connections each keeps alive (200 for AsyncClient).
            aclient = o365kit.AsyncClient(token=MEMBER, base_url=url)
            client = o365kit.Client(token=MEMBER, base_url=url)
            with_async(aclient), with_pool(client, 32)
            ours = timed(lambda: with_async(aclient))
            print(f"emulator latency {latency} ms")
            print(f"  AsyncClient (gather)      {ours[0] * 1e3:8.1f} ms  median {ours[1] * 1e3:8.1f} ms  "
                  f"threads {ours[2]}")
            for workers in (default, 32):
                pool = timed(lambda: with_pool(client, workers))
                print(f"  thread pool, {workers:2} workers  {pool[0] * 1e3:8.1f} ms  median {pool[1] * 1e3:8.1f} ms  "
                      f"threads {pool[2]}  -> AsyncClient is {pool[1] / ours[1]:4.1f}x faster (medians)")
            if latency == 0:
                # New clients each round: the 200 open 200 connections (the pool's workers, 6).
                cold = timed(lambda: with_async(o365kit.AsyncClient(token=MEMBER, base_url=url)))
                pool = timed(lambda: with_pool(o365kit.Client(token=MEMBER, base_url=url), default))
                print(f"  new clients: AsyncClient median {cold[1] * 1e3:6.1f} ms, thread pool ({default} workers) "
                      f"median {pool[1] * 1e3:6.1f} ms -> {pool[1] / cold[1]:4.1f}x")


if __name__ == "__main__":
    sys.exit(main())
