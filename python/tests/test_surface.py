"""Every operation of the core's table is a method of both clients, with its docstring; pagers
report progress through tqdm when asked."""

import inspect

import o365kit
from o365kit import _native
from conftest import PUBLIC


def test_every_operation_is_a_method():
    ops = _native.operations()
    assert len(ops) >= 32
    for op in ops:
        for cls in (o365kit.Client, o365kit.AsyncClient):
            method = getattr(cls, op["name"], None)
            assert method is not None, f"{cls.__name__}.{op['name']} is missing"
            assert inspect.getdoc(method) == op["doc"]
            ids = [p for p, t in op["params"] if t == "Id"]
            params = list(inspect.signature(method).parameters)[1 : 1 + len(ids)]
            assert params == ids, f"{op['name']}: ids come first, positionally"


def test_progress_bar(member, capsys):
    items = list(member.list_conversations(PUBLIC, top=1, progress=True))
    assert len(items) >= 3
    assert "list_conversations" in capsys.readouterr().err
