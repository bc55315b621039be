"""Smoke test of the wheel as a user installs it (`pip install ./python`: maturin's release build):
it imports, starts the emulator it carries (`o365kit.emulator()`, no Rust toolchain involved), talks to
it and reports errors as typed exceptions.
Run by python/run-tests with the release venv's interpreter; not collected by pytest."""

import asyncio
import sys

import o365kit


def main() -> int:
    with o365kit.emulator() as url:
        client = o365kit.Client(token="emulator:member@contoso.test", base_url=url)
        groups = client.list_joined_groups().to_list()
        inbox = client.list_folder_messages("inbox", top=5).first_page().value
        assert groups and inbox, (len(groups), len(inbox))
        try:
            client.mailbox("owner@contoso.test").list_messages().first_page()
            raise AssertionError("another user's mailbox must be refused")
        except o365kit.Forbidden as e:
            assert e.code == "ErrorAccessDenied", e.code
        # AsyncClient on the release build's runtime, calls in flight together.
        async def together():
            aclient = o365kit.AsyncClient(token="emulator:member@contoso.test", base_url=url)
            return await asyncio.gather(*(aclient.get_group(groups[0].id) for _ in range(50)))

        assert {g.id for g in asyncio.run(together())} == {groups[0].id}
        print(f"release wheel OK: {len(groups)} groups, {len(inbox)} inbox messages, 403 typed, 50 async calls")
        return 0


if __name__ == "__main__":
    sys.exit(main())
