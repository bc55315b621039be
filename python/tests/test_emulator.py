"""`o365kit.emulator()`: the emulator linked into the wheel, started in this process on 127.0.0.1."""

import gc
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request

import pytest

import o365kit
from conftest import MEMBER, OWNER, PUBLIC

FIXTURE = {
    "users": [{"id": "5e1f0c3a-0000-4000-8000-000000000001", "userPrincipalName": "ada@fabrikam.test", "displayName": "Ada"}],
    "groups": [
        {
            "id": "5e1f0c3a-0000-4000-8000-0000000000a1",
            "displayName": "Engines",
            "visibility": "Public",
            "groupTypes": ["Unified"],
            "owners": ["ada@fabrikam.test"],
            "members": ["ada@fabrikam.test"],
        }
    ],
}
ADA = "emulator:ada@fabrikam.test"


def in_a_fresh_interpreter(code, timeout=30):
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout, check=True
    ).stdout


def test_with_gives_a_url_the_client_works_against():
    with o365kit.emulator() as url:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        client = o365kit.Client(token=MEMBER, base_url=url)
        assert client.get_group(PUBLIC).display_name == "Contoso Marketing"
        assert [g.id for g in client.list_joined_groups()] != []


def test_two_at_once_on_different_ports_keep_their_own_state():
    with o365kit.emulator() as a, o365kit.emulator() as b:
        assert a != b
        o365kit.Client(token=OWNER, base_url=a).delete_group(PUBLIC)
        with pytest.raises(o365kit.NotFound):
            o365kit.Client(token=OWNER, base_url=a).get_group(PUBLIC)
        assert o365kit.Client(token=OWNER, base_url=b).get_group(PUBLIC).id == PUBLIC


def test_a_tenant_fixture_as_a_file_or_a_dict(tmp_path):
    path = tmp_path / "tenant.json"
    path.write_text(json.dumps(FIXTURE))
    for tenant in (path, str(path), FIXTURE):
        with o365kit.emulator(tenant) as url:
            client = o365kit.Client(token=ADA, base_url=url)
            assert [g.display_name for g in client.list_joined_groups()] == ["Engines"]
            with pytest.raises(o365kit.Unauthorized):
                o365kit.Client(token=MEMBER, base_url=url).list_joined_groups().to_list()


def test_a_bad_fixture_is_an_error_naming_the_file_and_the_fault(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(o365kit.EmulatorError) as e:
        o365kit.emulator(missing)
    assert e.value.param == "tenant" and str(missing) in str(e.value)

    broken = tmp_path / "broken.json"
    broken.write_text('{"users": [')
    with pytest.raises(o365kit.EmulatorError) as e:
        o365kit.emulator(broken)
    assert e.value.param == "tenant" and str(broken) in str(e.value) and "not valid JSON" in str(e.value)

    with pytest.raises(o365kit.EmulatorError) as e:
        o365kit.emulator({"users": [], "gropus": []})
    assert e.value.param == "tenant" and "gropus" in str(e.value)

    with pytest.raises(o365kit.InvalidInput) as e:
        o365kit.emulator(42)
    assert e.value.param == "tenant"


def test_bad_options_are_refused_naming_them():
    for kwargs, param in [
        ({"fault_rate": 1.5}, "fault_rate"),
        ({"page_size": 0}, "page_size"),
        ({"port": 70000}, "port"),
        ({"latency_ms": -1}, "latency_ms"),
        ({"drive_quota": "big"}, "drive_quota"),
    ]:
        with pytest.raises(o365kit.InvalidInput) as e:
            o365kit.emulator(**kwargs)
        assert e.value.param == param, kwargs


def test_a_port_in_use_is_an_error_naming_it():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(o365kit.EmulatorError) as e:
            o365kit.emulator(port=port)
        assert e.value.param == "port" and f"127.0.0.1:{port}" in str(e.value)


def test_stop_frees_the_port_and_ends_service():
    emu = o365kit.emulator()
    client = o365kit.Client(token=MEMBER, base_url=emu.url, max_attempts=1)
    client.get_group(PUBLIC)  # leaves a kept-alive connection open
    emu.stop()
    assert not emu.running and "stopped" in repr(emu)
    emu.stop()  # idempotent
    with pytest.raises(o365kit.TransportError):
        client.get_group(PUBLIC)
    with o365kit.emulator(port=emu.port) as url:
        assert url == emu.url
        assert o365kit.Client(token=MEMBER, base_url=url).get_group(PUBLIC).id == PUBLIC


def test_garbage_collection_stops_it():
    emu = o365kit.emulator()
    port = emu.port
    del emu
    gc.collect()
    with o365kit.emulator(port=port):
        pass


def test_options_reach_the_server():
    with o365kit.emulator(page_size=1) as url:
        page = o365kit.Client(token=MEMBER, base_url=url).list_conversations(PUBLIC).first_page()
        assert len(page.value) == 1 and page.next_link
    with o365kit.emulator(fault_rate=1.0) as url:
        with pytest.raises((o365kit.Throttled, o365kit.ServerError)):
            o365kit.Client(token=MEMBER, base_url=url, max_attempts=1).get_group(PUBLIC)
    with o365kit.emulator(latency_ms=300) as url:
        client = o365kit.Client(token=MEMBER, base_url=url)
        start = time.monotonic()
        client.get_group(PUBLIC)
        assert time.monotonic() - start >= 0.3


def test_import_neither_loads_nor_starts_it():
    out = in_a_fresh_interpreter(
        """
        import glob, sys, time
        def threads():
            return sum(open(f).read().startswith("o365kit-emu") for f in glob.glob("/proc/self/task/*/comm"))
        import o365kit
        o365kit.Client(token="t", base_url="http://127.0.0.1:1")
        print("o365kit._emulator" in sys.modules, threads())
        emu = o365kit.emulator()
        deadline = time.monotonic() + 5  # the server thread names itself once running
        while threads() == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        print("o365kit._emulator" in sys.modules, threads())
        """
    )
    if sys.platform.startswith("linux"):
        assert out.split("\n")[:2] == ["False 0", "True 1"]
    else:
        assert out.startswith("False")


def test_interpreter_exit_does_not_hang_on_a_running_emulator():
    start = time.monotonic()
    out = in_a_fresh_interpreter(
        f"""
        import o365kit
        emu = o365kit.emulator()
        client = o365kit.Client(token="{MEMBER}", base_url=emu.url)
        print(client.get_group("{PUBLIC}").id)
        cycle = [emu]
        cycle.append(cycle)
        """
    )
    assert out.strip() == PUBLIC
    assert time.monotonic() - start < 15


def test_tls_serves_https_with_a_ca_file_to_trust():
    emu = o365kit.emulator(tls=True)
    try:
        assert emu.url.startswith("https://127.0.0.1:")
        ca_file = emu.ca_file
        context = ssl.create_default_context(cafile=ca_file)
        with urllib.request.urlopen(emu.url + "/_emulator/health", context=context) as res:
            assert res.status == 200
        with pytest.raises(urllib.error.URLError):
            urllib.request.urlopen(emu.url + "/_emulator/health", context=ssl.create_default_context())
    finally:
        emu.stop()
    assert not os.path.exists(ca_file), "the CA file goes with the emulator"
    assert o365kit.emulator().ca_file is None
