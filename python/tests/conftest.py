"""Fixtures: a real emulator on a free loopback port (the one in the wheel), and clients for its seed users."""

import json
import urllib.request

import pytest

import o365kit

OWNER = "emulator:owner@contoso.test"
MEMBER = "emulator:member@contoso.test"
OUTSIDER = "emulator:outsider@contoso.test"
PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"
PRIVATE = "9b1e5d2a-47c6-4f0e-b8a3-6e2d9c4f1a07"
# The seed's shared mailbox; member@ is its delegate, owner@ is not.
SUPPORT = "support@contoso.test"


class Emulator:
    """The wheel's own emulator (`o365kit.emulator()`), with a helper for its control routes."""

    def __init__(self) -> None:
        self.server = o365kit.emulator()
        self.url = self.server.url

    def control(self, method: str, path: str, body=None) -> int:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as res:
            return res.status

    def stop(self) -> None:
        self.server.stop()


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
