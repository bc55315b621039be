"""The bearer token never shows: every error path of the client is provoked against an emulator of
this test's own, and everything that could carry the token is scanned for it (exceptions' str, repr,
args, attributes and tracebacks with their frames' locals, the clients' and helpers' reprs, logging
at DEBUG, warnings, and all that the process writes to stdout and stderr, the in-process emulator
included), as it is and base64- or percent-encoded. Pre-authenticated URLs (uploads, downloads after
Graph's redirect) answer 401 to a request carrying a token, so the uploads and downloads that
succeed here prove the token was not sent there."""

import asyncio
import base64
import json
import logging
import traceback
import urllib.error
import urllib.parse
import urllib.request
import warnings

import pytest

import o365kit
from conftest import PRIVATE, PUBLIC

# Seed users spelled as nobody else spells them: the emulator matches principal names without case,
# so these sign in, and any text holding them came from the token.
MEMBER = "emulator:mEmBeR@cOnToSo.TeSt"
OUTSIDER = "emulator:OuTsIdEr@CoNtOsO.tEsT"
# Refused: an unknown user (401 "Access token validation failure.") and a token not the emulator's.
UNKNOWN_USER = "emulator:nObOdY-q7x3k9@cOnToSo.TeSt"
FOREIGN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJjYW5hcnkifQ.Zm9yZ2VkLXNpZ25hdHVyZQ"
SECRETS = [MEMBER, OUTSIDER, UNKNOWN_USER, FOREIGN]
CHUNK = 327_680


def forms(secret):
    """(what, needle, any case): the token, the principal name as spelled, percent-encoded, and
    base64 (standard and URL-safe) at each of the three alignments it can have in longer base64."""
    out = [("the token", secret, True)]
    if secret.startswith("emulator:"):
        out.append(("its principal name as spelled", secret[len("emulator:"):], False))
    out.append(("percent-encoded", urllib.parse.quote(secret, safe=""), True))
    for name, encode in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
        for pad in range(3):
            text = encode(b"xx"[:pad] + secret.encode()).decode()
            out.append((name, text[4 if pad else 0:len(text) - 4], False))
    return out


def leaks(texts):
    found = []
    for secret in SECRETS:
        for what, needle, any_case in forms(secret):
            for label, text in texts:
                hit = needle.lower() in text.lower() if any_case else needle in text
                if hit:
                    found.append(f"{label}: {what} of {secret!r}")
    return found


class Seen:
    """Everything said along the way, and the error paths checked."""

    def __init__(self):
        self.texts = []
        self.paths = []

    def text(self, label, text):
        self.texts.append((label, str(text)))

    def error(self, label, e):
        self.paths.append(label)
        local = traceback.TracebackException(type(e), e, e.__traceback__, capture_locals=True)
        self.text(label, "\n".join([
            str(e), repr(e), repr(e.args), repr(getattr(e, "__dict__", {})),
            "".join(traceback.format_exception(type(e), e, e.__traceback__)),
            "".join(local.format()),
        ]))

    def expect(self, label, kind, call, status=None):
        """Runs `call`, which must raise `kind` (with `status`, for Graph errors)."""
        try:
            call()
        except kind as e:
            if status is not None:
                assert e.status == status, (label, e)
            self.error(label, e)
            return e
        pytest.fail(f"{label}: no {kind.__name__}")


def control(url, method, route, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + route, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        return json.loads(res.read() or b"null")


def faults_left(url):
    rules = control(url, "GET", "/_emulator/faults")
    rules = rules.get("value", rules) if isinstance(rules, dict) else rules
    return sum(r.get("count") or 0 for r in rules)


def test_no_error_path_shows_the_token_anywhere(capfd, caplog):
    caplog.set_level(logging.DEBUG)
    seen = Seen()
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        server = o365kit.emulator()
        try:
            provoke_every_error(server.url, seen)
        finally:
            server.stop()
    out, err = capfd.readouterr()
    seen.text("stdout", out)
    seen.text("stderr", err)
    seen.text("logging", caplog.text + "\n".join(repr(r.__dict__) for r in caplog.records))
    seen.text("warnings", "\n".join(str(w.message) for w in warned))
    assert len(seen.paths) == 36, seen.paths
    found = leaks(seen.texts)
    shown = {f.split(": ")[0] for f in found}
    details = "\n\n".join(f"== {label}\n{text}" for label, text in seen.texts if label in shown)
    assert not found, "the token leaked:\n" + "\n".join(found) + "\n\n" + details


def provoke_every_error(url, seen):
    member = o365kit.Client(token=MEMBER, base_url=url, max_attempts=3)
    member_once = o365kit.Client(token=MEMBER, base_url=url, max_attempts=1)
    outsider = o365kit.Client(token=OUTSIDER, base_url=url, max_attempts=1)
    unknown = o365kit.Client(token=UNKNOWN_USER, base_url=url, max_attempts=1)
    foreign = o365kit.Client(token=FOREIGN, base_url=url, max_attempts=1)
    dead = o365kit.Client(token=MEMBER, base_url="http://127.0.0.1:9", max_attempts=1)
    for c in (member, member_once, outsider, unknown, foreign, dead, member.mailbox("member@contoso.test")):
        seen.text("client", f"{c!r} {c!s} {vars(c)!r} {c._native!r} {c._token!r}")
    fault = lambda rule: control(url, "POST", "/_emulator/faults", rule)  # noqa: E731

    seen.expect("400 bad $filter", o365kit.BadRequest, lambda: member_once.list_groups(filter="displayName eq").first_page(), 400)
    e = seen.expect("401 unknown user", o365kit.Unauthorized, lambda: unknown.list_joined_groups().first_page(), 401)
    assert e.code == "InvalidAuthenticationToken"
    seen.expect("401 foreign token", o365kit.Unauthorized, lambda: foreign.list_groups().to_list(), 401)
    seen.expect("403 private group", o365kit.Forbidden, lambda: outsider.list_group_threads(PRIVATE).to_list(), 403)
    seen.expect("404 thread", o365kit.NotFound, lambda: member.get_thread(PUBLIC, "AAQkAGNoSuchThreadAAAAAAAA="), 404)
    member.create_calendar({"name": "Token canary"})
    seen.expect("409 calendar exists", o365kit.Conflict, lambda: member.create_calendar({"name": "Token canary"}), 409)
    # The emulator has no ETags to disagree with: an injected 412 stands in for Graph's.
    fault({"status": 412, "count": 1})
    seen.expect("412 injected", o365kit.GraphError, lambda: member_once.get_group(PUBLIC), 412)
    big = o365kit.Message(subject="big", body={"contentType": "text", "content": "a" * (5 << 20)})
    seen.expect("413 body over 4 MB", o365kit.GraphError, lambda: member_once.create_message(big), 413)

    fault({"status": 429, "retryAfter": 0, "count": 3})
    seen.expect("429 retries exhausted", o365kit.Throttled, lambda: member.list_joined_groups().first_page(), 429)
    assert faults_left(url) == 0, "all three attempts were sent"
    fault({"status": 503, "retryAfter": 1, "count": 1})
    seen.expect("503", o365kit.ServerError, lambda: member_once.list_groups().first_page(), 503)
    fault({"status": 500, "count": 1})
    seen.expect("500", o365kit.ServerError, lambda: member_once.get_group(PUBLIC), 500)

    fault({"truncate": True, "count": 1})
    seen.expect("truncated body", (o365kit.DecodeError, o365kit.TransportError), lambda: member_once.list_group_threads(PUBLIC).first_page())
    fault({"drop": True, "count": 1})
    seen.expect("dropped connection", (o365kit.TransportError, o365kit.DecodeError), lambda: member_once.list_group_threads(PUBLIC).first_page())
    assert faults_left(url) == 0
    seen.expect("connection refused", o365kit.TransportError, lambda: dead.list_groups().first_page())

    # Refused before sending: a bad id, a token with a line break, a token that is not a str.
    e = seen.expect("invalid id", o365kit.InvalidInput, lambda: member.get_thread(PUBLIC, ""))
    assert e.param == "thread_id"
    broken = o365kit.Client(token=lambda: MEMBER + "\r\n", base_url=url)
    seen.text("callable client", repr(broken))
    e = seen.expect("token with a line break", o365kit.InvalidInput, lambda: broken.list_groups().first_page())
    assert e.param == "token"
    # Refused while being made (a traceback showing locals shows the half-made client).
    seen.expect("bad base_url", o365kit.InvalidInput, lambda: o365kit.Client(token=MEMBER, base_url="not a url"))
    seen.expect("async bad base_url", o365kit.InvalidInput, lambda: o365kit.AsyncClient(token=MEMBER, base_url="ftp://x"))
    e = seen.expect("token of no known kind", o365kit.InvalidInput, lambda: o365kit.Client(token=MEMBER.encode(), base_url=url))
    assert e.param == "token"
    as_bytes = o365kit.Client(token=lambda: MEMBER.encode(), base_url=url)
    e = seen.expect("token as bytes", o365kit.InvalidInput, lambda: as_bytes.list_groups().first_page())
    assert e.param == "token"

    class Credential:
        def get_token(self, *scopes):
            return Access()

    class Access:
        token = MEMBER
        expires_on = "tomorrow"

        def __repr__(self):
            return f"AccessToken(token={self.token!r})"

    odd = o365kit.Client(token=Credential(), base_url=url)
    e = seen.expect("credential with a bad expiry", o365kit.InvalidInput, lambda: odd.list_groups().first_page())
    assert e.param == "token"

    # Uploads: the emulator answers 401 to a chunk carrying a token, so a finished one sent none.
    body = bytes(i % 251 for i in range(CHUNK * 2 + 1000))
    session = member.create_drive_upload_session(PUBLIC, "token-canary.bin")
    seen.text("session", repr(session))
    item = member.upload(session, body, chunk_size=CHUNK)
    seen.text("uploaded", repr(item))
    # The download follows Graph's 302 to a pre-authenticated URL, throttled once and asked again.
    fault({"status": 503, "retryAfter": 0, "count": 1, "pathPrefix": "/download"})
    assert member.download_drive_item(PUBLIC, item.id).bytes == body
    assert faults_left(url) == 0, "the download URL was asked twice"
    # The emulator does tell: the same URL with a token is a 401.
    link = member.get_drive_item(PUBLIC, item.id).to_dict()["@microsoft.graph.downloadUrl"]
    with pytest.raises(urllib.error.HTTPError) as told:
        urllib.request.urlopen(urllib.request.Request(link, headers={"Authorization": "Bearer x"}))
    assert told.value.code == 401

    session = member.create_drive_upload_session(PUBLIC, "token-canary-2.bin")
    fault({"status": 500, "count": 1, "pathPrefix": "/upload"})
    seen.expect("upload chunk 500", o365kit.ServerError, lambda: member_once.upload(session, body), 500)
    session = member.create_drive_upload_session(PUBLIC, "token-canary-3.bin")
    seen.expect("upload chunk 413", o365kit.GraphError, lambda: member.upload(session, bytes(CHUNK * 16), chunk_size=CHUNK * 16), 413)
    # A pre-authenticated URL authorizes whoever holds it, like a token: a connection lost on one
    # (a chunk, a download) is a transport error that does not name it.
    session = member.create_drive_upload_session(PUBLIC, "token-canary-5.bin")
    fault({"drop": True, "count": 1, "pathPrefix": "/upload"})
    e = seen.expect("upload chunk cut off", o365kit.TransportError, lambda: member_once.upload(session, body))
    assert session.upload_url.rsplit("/", 1)[1] not in str(e) + repr(e), e
    fault({"drop": True, "count": 1, "pathPrefix": "/download"})
    e = seen.expect("download cut off", o365kit.TransportError, lambda: member_once.download_drive_item(PUBLIC, item.id))
    assert "/download/" not in str(e), e
    session = member.create_drive_upload_session(PUBLIC, "token-canary-4.bin")
    control(url, "POST", "/_emulator/uploads/expire")
    seen.expect("upload expired", o365kit.UploadExpired, lambda: member.upload(session, body))

    # Delta sync: someone else's inbox, a step failing with 503, a foreign state.
    sync = outsider.mailbox("member@contoso.test").sync_messages("inbox")
    seen.expect("sync 403", o365kit.Forbidden, lambda: list(sync), 403)
    fault({"status": 503, "count": 1, "pathPrefix": "/v1.0/me/mailFolders/inbox/messages/delta"})
    sync = member_once.sync_messages("inbox", max_page_size=5)
    seen.expect("sync 503", o365kit.ServerError, lambda: list(sync), 503)
    seen.text("sync", f"{sync!r} {sync.state!r}")
    e = seen.expect("sync foreign state", o365kit.InvalidInput, lambda: list(member.sync_messages("inbox", state="garbage")))
    assert e.param == "state"

    # A batch whose items fail: 404, 403, and 424 for the one depending on a failed item.
    with member.batch() as b:
        ok = b.get_group(PUBLIC)
        missing = b.get_thread(PUBLIC, "AAQkAGNoSuchThreadAAAAAAAA=")
        denied = b.list_group_threads(PRIVATE)
        after = b.after(missing).get_group(PRIVATE)
    seen.text("batch", f"{b!r} {ok!r} {missing!r} {denied!r} {after!r}")
    assert ok.result().id == PUBLIC
    seen.expect("batch item 404", o365kit.NotFound, missing.result, 404)
    seen.expect("batch item 403", o365kit.Forbidden, denied.result, 403)
    seen.expect("batch item 424", o365kit.GraphError, after.result, 424)

    # The group-mail watcher: denied, a round failing, a foreign state.
    watch = outsider.watch_group_mail(PRIVATE, interval=0.05)
    seen.expect("watcher 403", o365kit.Forbidden, watch.poll, 403)
    seen.text("watcher", f"{watch!r} {watch.state}")
    watch = member_once.watch_group_mail(PUBLIC, interval=0.05)
    fault({"status": 400, "count": 1, "pathPrefix": f"/v1.0/groups/{PUBLIC}/threads"})
    seen.expect("watcher 400", o365kit.BadRequest, watch.poll, 400)
    e = seen.expect("watcher foreign state", o365kit.InvalidInput, lambda: member.watch_group_mail(PUBLIC, state="garbage"))
    assert e.param == "state"

    # The async client raises the same.
    amember = o365kit.AsyncClient(token=MEMBER, base_url=url)
    seen.text("async client", repr(amember))
    seen.expect("async 404", o365kit.NotFound, lambda: asyncio.run(amember.get_thread(PUBLIC, "AAQkAGNoSuchThreadAAAAAAAA=")), 404)


def test_the_scan_sees_the_token_in_every_form():
    planted = [
        MEMBER,
        MEMBER.lower(),
        "signed in as mEmBeR@cOnToSo.TeSt",
        "url?t=" + urllib.parse.quote(MEMBER, safe="").lower(),
        base64.b64encode(f"Authorization: Bearer {MEMBER}".encode()).decode(),
        base64.b64encode(f"Bearer {MEMBER}!".encode()).decode(),
        base64.urlsafe_b64encode(f"[{FOREIGN}]".encode()).decode(),
        repr(MEMBER.encode()),
    ]
    for text in planted:
        assert leaks([("planted", text)]), text
    assert not leaks([("clean", "member@contoso.test signed in; outsider@contoso.test denied; emulator: ok")])
