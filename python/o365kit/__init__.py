"""o365kit: Office 365 Groups (and Mail and Calendar) over Microsoft Graph, with a Rust core."""

import os
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

from ._native import (
    BadRequest,
    Conflict,
    DecodeError,
    EmulatorError,
    Forbidden,
    GraphError,
    InvalidInput,
    NotFound,
    ServerError,
    Throttled,
    TransportError,
    Unauthorized,
    UploadExpired,
)
from ._model import Model, Page, Photo
from ._generated import *  # noqa: F401,F403 - the model classes
from ._generated import __all__ as _models
from ._client import AsyncClient, AsyncPager, Client, Pager
from ._batch import AsyncBatch, Batch, BatchItem
from ._sync import AsyncSyncPager, Change, SyncPager
from ._watch import AsyncGroupMailWatcher, GroupMailWatcher

if TYPE_CHECKING:
    from ._emulator import Emulator


def emulator(
    tenant: Union[None, str, "os.PathLike[str]", Mapping[str, Any]] = None,
    *,
    port: int = 0,
    latency_ms: int = 0,
    fault_rate: float = 0.0,
    page_size: int = 100,
    drive_quota: Optional[int] = None,
    tls: bool = False,
) -> "Emulator":
    """Starts the local Microsoft Graph emulator in this process on 127.0.0.1, on a free port unless
    `port` names one; `with o365kit.emulator() as url:` gives its URL and stops it on leaving.

    `tenant` is a fixture file's path or the fixture as a dict (default: the built-in seed, with
    `emulator:member@contoso.test` and friends as tokens). `latency_ms` delays every Graph request,
    `fault_rate` answers that fraction with 429/503, `page_size` is the page length without `top=`,
    `drive_quota` the bytes each group's library holds. `tls=True` serves https with a certificate
    from a new local CA (`Emulator.ca_file`), for third-party clients that insist on https. Faults and resets can also be driven at run
    time through the control routes (`POST {url}/_emulator/faults`, `POST {url}/_emulator/reset`).
    Raises `EmulatorError` (`param` is "tenant" or "port") or `InvalidInput`.
    """
    from ._emulator import emulator as start

    return start(
        tenant,
        port=port,
        latency_ms=latency_ms,
        fault_rate=fault_rate,
        page_size=page_size,
        drive_quota=drive_quota,
        tls=tls,
    )


def __getattr__(name: str) -> Any:
    # `o365kit.Emulator` without loading the emulator module on `import o365kit`.
    if name == "Emulator":
        from ._emulator import Emulator

        return Emulator
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Client",
    "AsyncClient",
    "Pager",
    "AsyncPager",
    "Batch",
    "AsyncBatch",
    "BatchItem",
    "SyncPager",
    "AsyncSyncPager",
    "Change",
    "GroupMailWatcher",
    "AsyncGroupMailWatcher",
    "Page",
    "Photo",
    "Model",
    "GraphError",
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "NotFound",
    "Conflict",
    "Throttled",
    "ServerError",
    "InvalidInput",
    "TransportError",
    "DecodeError",
    "EmulatorError",
    "emulator",
    "UploadExpired",
    *_models,
]
