"""`o365kit.emulator()`: the local Microsoft Graph, in this process, for notebooks and pytest fixtures.

Imported on the first call only: `import o365kit` neither starts nor prepares an emulator.
"""

import atexit
import json
import os
import tempfile
import weakref
from typing import Any, Mapping, Optional, Union

from . import _native

# Emulators still running at interpreter exit are stopped before Python tears down, so that no
# server thread outlives the objects it was started for.
_live: "weakref.WeakSet[Emulator]" = weakref.WeakSet()


def _stop_all() -> None:
    for emu in list(_live):
        emu.stop()


atexit.register(_stop_all)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


class Emulator:
    """A running emulator on 127.0.0.1. `with` gives its URL and stops it on leaving the block;
    otherwise `stop()` it, or let it be garbage-collected."""

    __slots__ = ("_native", "_ca_file", "_remove_ca_file", "__weakref__")

    def __init__(self, native: Any) -> None:
        self._native = native
        self._ca_file: Optional[str] = None
        self._remove_ca_file: Optional[weakref.finalize] = None
        if native.ca_pem is not None:
            fd, self._ca_file = tempfile.mkstemp(prefix="o365kit-emulator-ca-", suffix=".pem")
            with os.fdopen(fd, "w") as f:
                f.write(native.ca_pem)
            # Removed at stop(), at garbage collection or at exit, whichever comes first.
            self._remove_ca_file = weakref.finalize(self, _remove, self._ca_file)

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT`: pass it as `o365kit.Client(base_url=...)`."""
        return self._native.url

    @property
    def ca_file(self) -> Optional[str]:
        """With `tls=True`: a PEM file of the CA to trust (`SSL_CERT_FILE`, `REQUESTS_CA_BUNDLE`,
        `ssl.create_default_context(cafile=...)`); removed when the emulator stops."""
        return self._ca_file

    @property
    def ca_pem(self) -> Optional[str]:
        """With `tls=True`: the same CA as PEM text."""
        return self._native.ca_pem

    @property
    def port(self) -> int:
        return self._native.port

    @property
    def running(self) -> bool:
        return self._native.running

    def stop(self) -> None:
        """Stops the server and frees its port (open requests get a moment to finish). Idempotent."""
        self._native.stop()
        _live.discard(self)
        if self._remove_ca_file is not None:
            self._remove_ca_file()

    def __enter__(self) -> str:
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<o365kit.Emulator {self.url} {'running' if self.running else 'stopped'}>"


def emulator(
    tenant: Union[None, str, "os.PathLike[str]", Mapping[str, Any]] = None,
    *,
    port: int = 0,
    latency_ms: int = 0,
    fault_rate: float = 0.0,
    page_size: int = 100,
    drive_quota: Optional[int] = None,
    tls: bool = False,
) -> Emulator:
    from ._model import _invalid

    native_class = getattr(_native, "NativeEmulator", None)
    if native_class is None:
        err = _native.EmulatorError("this build of o365kit has no emulator (built without its `emulator` feature)")
        err.param, err.why = None, "not built in"
        raise err
    path = text = None
    if isinstance(tenant, (str, os.PathLike)):
        path = os.fspath(tenant)
    elif isinstance(tenant, Mapping):
        text = json.dumps(tenant)
    elif tenant is not None:
        raise _invalid("tenant", f"expected a fixture file's path or the fixture as a dict, got {type(tenant).__name__}")
    for name, value in (("port", port), ("latency_ms", latency_ms), ("page_size", page_size), ("drive_quota", drive_quota)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise _invalid(name, f"expected a non-negative int, got {value!r}")
    if port > 65535:
        raise _invalid("port", f"expected a port number (0-65535), got {port}")
    if isinstance(fault_rate, bool) or not isinstance(fault_rate, (int, float)):
        raise _invalid("fault_rate", f"expected a fraction between 0 and 1, got {fault_rate!r}")
    emu = Emulator(
        native_class(
            tenant_path=path,
            tenant_json=text,
            port=port,
            latency_ms=latency_ms,
            fault_rate=float(fault_rate),
            page_size=page_size,
            drive_quota=drive_quota,
            tls=bool(tls),
        )
    )
    _live.add(emu)
    return emu
