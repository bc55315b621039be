"""o365kit: Office 365 Groups (and Mail and Calendar) over Microsoft Graph, with a Rust core."""

from ._native import (
    BadRequest,
    Conflict,
    DecodeError,
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
    "UploadExpired",
    *_models,
]
