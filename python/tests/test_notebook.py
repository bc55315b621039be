"""The example notebooks run top to bottom against the emulator, and what they did is really there."""

import os
import pathlib

import nbclient
import nbformat

import o365kit
from conftest import MEMBER, OWNER, PUBLIC

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def execute(name, emulator, monkeypatch):
    monkeypatch.setenv("O365KIT_BASE_URL", emulator.url)
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": os.getcwd()}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors[0].get("evalue")
    return outputs


def texts(outputs):
    return "".join(o.get("data", {}).get("text/plain", "") for o in outputs)


def test_a_notebook_opened_on_its_own_starts_its_own_emulator(monkeypatch):
    monkeypatch.delenv("O365KIT_BASE_URL", raising=False)
    nb = nbformat.read(EXAMPLES / "group_conversations.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": os.getcwd()}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert "Contoso Marketing" in texts(outputs)
    # The client's repr names the in-process emulator's free port, not a fixed one.
    assert "http://127.0.0.1:" in texts(outputs) and "127.0.0.1:8080" not in texts(outputs)


def test_group_notebook_executes(emulator, monkeypatch):
    outputs = execute("group_conversations.ipynb", emulator, monkeypatch)
    assert "Contoso Marketing" in texts(outputs)
    assert "member@contoso.test" in texts(outputs)
    client = o365kit.Client(token=MEMBER, base_url=emulator.url)
    replies = [
        p for t in client.list_group_threads(PUBLIC) for p in client.list_posts(PUBLIC, t.id)
        if "from the notebook" in (p.body.content or "")
    ]
    assert len(replies) == 1


def test_mail_triage_notebook_executes(emulator, monkeypatch):
    member = o365kit.Client(token=MEMBER, base_url=emulator.url)
    unread_news = [m.id for m in member.list_folder_messages("inbox", filter="isRead eq false")
                   if m.from_.email_address.address == "events@adatum.example"]
    assert unread_news, "the seed has unread newsletters in the Inbox"
    outputs = execute("mail_triage.ipynb", emulator, monkeypatch)
    assert "from_address" in texts(outputs) and "events@adatum.example" in texts(outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart is drawn"
    assert f"moved {len(unread_news)} newsletters" in texts(outputs)
    inbox = {m.from_.email_address.address for m in member.list_folder_messages("inbox", filter="isRead eq false")}
    assert "events@adatum.example" not in inbox
    newsletters = next(f for f in member.list_child_folders("inbox") if f.display_name == "Newsletters")
    filed = [m.from_.email_address.address for m in member.list_folder_messages(newsletters.id)]
    assert filed.count("events@adatum.example") >= len(unread_news)
    owner = o365kit.Client(token=OWNER, base_url=emulator.url)
    replies = [m for m in owner.list_folder_messages("inbox") if "from the notebook" in (m.body.content or "")]
    assert len(replies) == 1 and replies[0].from_.email_address.address == "member@contoso.test"


def test_to_pandas_flattens_nested_addresses(emulator):
    client = o365kit.Client(token=MEMBER, base_url=emulator.url)
    thread = client.list_group_threads(PUBLIC).first_page().value[0]
    frame = client.list_posts(PUBLIC, thread.id).to_pandas()
    assert {"from_address", "from_name", "received", "body_content"} <= set(frame.columns)
    assert len(frame) == len(client.list_posts(PUBLIC, thread.id).to_list())
    assert "from.emailAddress.address" in client.list_posts(PUBLIC, thread.id).to_pandas(raw=True).columns


def test_team_week_notebook_executes(emulator, monkeypatch):
    outputs = execute("team_week.ipynb", emulator, monkeypatch)
    shown = texts(outputs)
    assert "Campaign stand-up" in shown and "2026-04-07 06:30:00-07:00" in shown, "the group's week, in Pacific time"
    assert "2026-04-06 14:00:00-07:00" in shown, "the outsider's quarterly planning, from get_schedule"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the timeline is drawn"
    assert "'Mon 13:00-14:00', 'Mon 16:00-17:00'" in shown
    assert "booked 'Campaign planning (from the notebook)' in Room A-101 Aurora, Mon 06 Apr 13:00" in shown
    # the booking is real: the colleagues have the request, the room is busy for that hour
    owner = o365kit.Client(token=OWNER, base_url=emulator.url)
    window = ("2026-04-06T20:00:00Z", "2026-04-06T21:00:00Z")
    invited = [e for e in owner.list_calendar_view(*window) if e.subject == "Campaign planning (from the notebook)"]
    assert len(invited) == 1 and invited[0].response_status.response == "notResponded"
    hour = [o365kit.DateTimeTimeZone(date_time=t, time_zone="Pacific Standard Time")
            for t in ("2026-04-06T13:00:00", "2026-04-06T14:00:00")]
    room = owner.get_schedule(["room-a101@contoso.test"], *hour, 60).to_list()
    assert room[0].availability_view == "2"
