"""Fixtures: a real emulator process on a free loopback port, and clients for its seed users."""

import json
import os
import pathlib
import subprocess
import urllib.request

import pytest

import o365kit

REPO = pathlib.Path(__file__).resolve().parents[2]
OWNER = "emulator:owner@contoso.test"
MEMBER = "emulator:member@contoso.test"
OUTSIDER = "emulator:outsider@contoso.test"
PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"
PRIVATE = "9b1e5d2a-47c6-4f0e-b8a3-6e2d9c4f1a07"
# The seed's shared mailbox; member@ is its delegate, owner@ is not.
SUPPORT = "support@contoso.test"


class Emulator:
    def __init__(self) -> None:
        binary = os.environ.get("O365KIT_EMULATOR", str(REPO / "target" / "debug" / "o365kit-emulator"))
        self.proc = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        prefix = "o365kit-emulator listening on "
        if not line.startswith(prefix):
            self.proc.kill()
            raise RuntimeError(f"emulator did not start: {line!r}")
        self.url = line[len(prefix):]

    def control(self, method: str, path: str, body=None) -> int:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as res:
            return res.status

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def emulator():
    emu = Emulator()
    yield emu
    emu.stop()


@pytest.fixture(autouse=True)
def fresh_tenant(emulator):
    emulator.control("POST", "/_emulator/reset")
    yield


@pytest.fixture
def member(emulator):
    return o365kit.Client(token=MEMBER, base_url=emulator.url)


@pytest.fixture
def owner(emulator):
    return o365kit.Client(token=OWNER, base_url=emulator.url)


@pytest.fixture
def outsider(emulator):
    return o365kit.Client(token=OUTSIDER, base_url=emulator.url)
