# The extension module's fixed surface; the per-operation API is generated into _generated.py.
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

class NativeClient:
    def __init__(
        self,
        base_url: Optional[str] = None,
        version: Optional[str] = None,
        cloud: Optional[str] = None,
        max_attempts: Optional[int] = None,
        mailbox: Optional[str] = None,
        api: Optional[str] = None,
    ) -> None: ...
    @property
    def base_url(self) -> str: ...
    @property
    def root(self) -> str: ...
    @property
    def mailbox(self) -> str: ...
    def with_mailbox(self, mailbox: str) -> "NativeClient": ...
    def call(self, name: str, args: str, token: str, next_link: Optional[str] = None) -> str: ...
    def upload(
        self,
        session: str,
        size: int,
        read: Callable[[int, int], bytes],
        progress: Optional[Callable[[int, int], Any]] = None,
        chunk_size: Optional[int] = None,
        resume: bool = False,
    ) -> str: ...
    def batch(self, calls: List[Tuple[str, str, List[int]]], token: str) -> List[Union[str, BaseException]]: ...
    def sync_step(self, name: str, args: str, token: str, state: Optional[str] = None) -> str: ...

# Present when the module is built with the `emulator` feature (the wheel is); use o365kit.emulator().
class NativeEmulator:
    def __init__(
        self,
        tenant_path: Optional[str] = None,
        tenant_json: Optional[str] = None,
        port: int = 0,
        latency_ms: int = 0,
        fault_rate: float = 0.0,
        page_size: int = 100,
        drive_quota: Optional[int] = None,
        tls: bool = False,
    ) -> None: ...
    @property
    def url(self) -> str: ...
    @property
    def ca_pem(self) -> Optional[str]: ...
    @property
    def port(self) -> int: ...
    @property
    def running(self) -> bool: ...
    def stop(self) -> None: ...

def operations() -> List[Dict[str, Any]]: ...
def models() -> List[Tuple[str, List[Tuple[str, str, str]]]]: ...
def query_options() -> List[str]: ...
def coerce(ty: str, value: str) -> str: ...

class GraphError(Exception):
    status: int
    code: str
    message: str
    inner_code: Optional[str]
    request_id: Optional[str]
    client_request_id: Optional[str]
    date: Optional[str]
    retry_after: Optional[float]

class BadRequest(GraphError): ...
class Unauthorized(GraphError): ...
class Forbidden(GraphError): ...
class NotFound(GraphError): ...
class Conflict(GraphError): ...
class Throttled(GraphError): ...
class ServerError(GraphError): ...
class UploadExpired(GraphError):
    expiration_date_time: Optional[str]

class InvalidInput(ValueError):
    param: str
    why: str

class TransportError(Exception): ...

class DecodeError(Exception):
    what: str
    path: str

class EmulatorError(Exception):
    param: Optional[str]
    why: str
