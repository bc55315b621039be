"""The example notebook runs top to bottom against the emulator, and its reply is really there."""

import os
import pathlib

import nbclient
import nbformat

import o365kit
from conftest import MEMBER, PUBLIC

NOTEBOOK = pathlib.Path(__file__).resolve().parents[1] / "examples" / "group_conversations.ipynb"


def test_notebook_executes(emulator, monkeypatch):
    monkeypatch.setenv("O365KIT_BASE_URL", emulator.url)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": os.getcwd()}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    texts = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "Contoso Marketing" in texts
    assert "member@contoso.test" in texts
    client = o365kit.Client(token=MEMBER, base_url=emulator.url)
    replies = [
        p for t in client.list_group_threads(PUBLIC) for p in client.list_posts(PUBLIC, t.id)
        if "from the notebook" in (p.body.content or "")
    ]
    assert len(replies) == 1


def test_to_pandas_flattens_nested_addresses(emulator):
    client = o365kit.Client(token=MEMBER, base_url=emulator.url)
    thread = client.list_group_threads(PUBLIC).first_page().value[0]
    frame = client.list_posts(PUBLIC, thread.id).to_pandas()
    assert "from.emailAddress.address" in frame.columns
    assert len(frame) == len(client.list_posts(PUBLIC, thread.id).to_list())
