"""Exceptions from real emulator answers, bad input before any request, and token hygiene."""

import pytest

import o365kit
from conftest import MEMBER, OUTSIDER, PRIVATE, PUBLIC


def test_forbidden_for_outsider_on_private_group(outsider):
    with pytest.raises(o365kit.Forbidden) as err:
        outsider.list_group_threads(PRIVATE).to_list()
    e = err.value
    assert isinstance(e, o365kit.GraphError)
    assert e.status == 403 and e.code == "ErrorAccessDenied" and e.request_id


def test_unauthorized(emulator):
    client = o365kit.Client(token="emulator:nobody@contoso.test", base_url=emulator.url)
    with pytest.raises(o365kit.Unauthorized) as err:
        client.list_groups().to_list()
    assert err.value.code == "InvalidAuthenticationToken"


def test_not_found(member):
    with pytest.raises(o365kit.NotFound) as err:
        member.get_thread(PUBLIC, "AAQkAGI2TG93AAAAAAAAAAAAAAAAAAAAAAAAAA==")
    assert err.value.status == 404


def test_a_malformed_id_is_graphs_400(member):
    with pytest.raises(o365kit.GraphError) as err:
        member.get_thread(PUBLIC, "no-such-thread")
    assert (err.value.status, err.value.code) == (400, "ErrorInvalidIdMalformed")


def test_throttled_is_retried_after_retry_after(emulator, member):
    emulator.control("POST", "/_emulator/faults", {"status": 429, "retryAfter": 1, "count": 1})
    assert member.list_group_threads(PUBLIC).first_page().value


def test_throttled_surfaces_without_retries(emulator):
    client = o365kit.Client(token=MEMBER, base_url=emulator.url, max_attempts=1)
    emulator.control("POST", "/_emulator/faults", {"status": 429, "retryAfter": 7, "count": 1})
    with pytest.raises(o365kit.Throttled) as err:
        client.list_group_threads(PUBLIC).first_page()
    assert err.value.retry_after == 7.0


def test_server_error(emulator):
    client = o365kit.Client(token=MEMBER, base_url=emulator.url, max_attempts=1)
    emulator.control("POST", "/_emulator/faults", {"status": 503, "retryAfter": 1, "count": 1})
    with pytest.raises(o365kit.ServerError):
        client.list_groups().first_page()


def test_bad_input_before_any_request(member):
    with pytest.raises(o365kit.InvalidInput) as err:
        member.get_thread(PUBLIC, "")
    assert err.value.param == "thread_id"
    assert isinstance(err.value, ValueError)
    with pytest.raises(o365kit.InvalidInput):
        member.get_group(PUBLIC, top=0)
    with pytest.raises(o365kit.InvalidInput) as err:
        member.reply_to_thread(PUBLIC, "t", 42)
    assert err.value.param == "post"
    with pytest.raises(o365kit.InvalidInput) as err:
        member.get_group(5)
    assert err.value.param == "group_id"
    with pytest.raises(o365kit.InvalidInput) as err:
        member.list_groups(top="many").first_page()
    assert err.value.param == "query.top"
    with pytest.raises(o365kit.InvalidInput):
        o365kit.Client(token=123)


def test_transport_error(emulator):
    client = o365kit.Client(token=MEMBER, base_url="http://127.0.0.1:9", max_attempts=1)
    with pytest.raises(o365kit.TransportError):
        client.list_groups().first_page()


def test_token_never_in_error_texts(emulator):
    secret = "emulator:outsider@contoso.test"
    client = o365kit.Client(token=secret, base_url=emulator.url, max_attempts=1)
    texts = [repr(client)]
    emulator.control("POST", "/_emulator/faults", {"status": 429, "retryAfter": 3, "count": 1})
    calls = [
        lambda: client.list_group_threads(PRIVATE).to_list(),
        lambda: client.get_thread(PUBLIC, "missing"),
        lambda: client.get_thread(PUBLIC, ""),
        lambda: o365kit.Client(token=secret, base_url="http://127.0.0.1:9", max_attempts=1).list_groups().to_list(),
        lambda: client.list_groups().to_list(),
    ]
    import traceback

    for call in calls:
        try:
            call()
        except Exception as e:  # noqa: BLE001 - every kind is searched
            texts += [str(e), repr(e), "".join(traceback.format_exception(type(e), e, e.__traceback__))]
    assert len(texts) > 10
    assert all(secret not in t for t in texts)
    assert OUTSIDER == secret


def test_token_callable_and_credential(emulator):
    calls = []

    def token():
        calls.append(1)
        return MEMBER

    o365kit.Client(token=token, base_url=emulator.url).list_joined_groups().first_page()
    assert calls

    class Access:
        def __init__(self, token, expires_on):
            self.token, self.expires_on = token, expires_on

    class Credential:
        asked = 0

        def get_token(self, *scopes):
            Credential.asked += 1
            import time

            return Access(MEMBER, time.time() + 3600)

    client = o365kit.Client(token=Credential(), base_url=emulator.url)
    client.list_joined_groups().first_page()
    client.list_joined_groups().first_page()
    assert Credential.asked == 1, "the credential's token is cached until near expiry"


def test_truncated_body_is_a_decode_or_transport_error(emulator):
    client = o365kit.Client(token=MEMBER, base_url=emulator.url, max_attempts=1)
    emulator.control("POST", "/_emulator/faults", {"truncate": True, "count": 1})
    with pytest.raises((o365kit.DecodeError, o365kit.TransportError)):
        client.list_group_threads(PUBLIC).first_page()
