"""Models: light views over Graph's own camelCase JSON, read lazily and never copied on parse."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, ClassVar, Dict, Generic, Iterator, List, Optional, Tuple, Type, TypeVar

from . import _native

M = TypeVar("M", bound="Model")


def _invalid(param: str, why: str) -> Exception:
    """The core's InvalidInput, with the same `param` and `why` attributes, for checks made in Python."""
    err = _native.InvalidInput(f"invalid {param}: {why}")
    err.param, err.why = param, why
    return err


def _parse_datetime(text: str) -> Any:
    # Graph writes 7 fractional digits and a "Z"; Python < 3.11 reads at most 6 and no "Z".
    t = text.strip()
    if t.endswith("Z"):
        t = t[:-1] + "+00:00"
    if "." in t:
        head, rest = t.split(".", 1)
        digits = "".join(c for c in rest if c.isdigit())
        zone = rest[len(digits):]
        t = f"{head}.{digits[:6].ljust(6, '0')}{zone}"
    try:
        value = datetime.fromisoformat(t)
    except ValueError:
        return text
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class Model:
    """A Graph resource. Attributes are the snake_case names of Graph's properties."""

    # No slots: an instance's __dict__ IS the JSON object as parsed (not a copy), so a property
    # Graph names as Python does (`id`, `subject`, `content`, `address`) is read by the
    # interpreter's own attribute lookup; the others are properties (below). Graph's camelCase
    # keys never name a method (those have underscores), and setting attributes is refused.
    # python name -> (wire name, Rust type as the core's table writes it)
    _fields: ClassVar[Dict[str, Tuple[str, str]]] = {}
    _registry: ClassVar[Dict[str, Type["Model"]]] = {}

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        Model._registry[cls.__name__] = cls
        # One property per known field, so that reading one is a dict lookup (plus a wrap for a
        # nested model) rather than a miss into __getattr__ and a walk of the type's text.
        for name, (wire, ty) in cls.__dict__.get("_fields", {}).items():
            if hasattr(Model, name) or (name == wire and ty in _PLAIN):
                continue  # read from the instance's __dict__ (the JSON) directly, or __getattr__
            setattr(cls, name, property(_accessor(wire, ty), doc=f"Graph's `{wire}` ({ty})"))

    def __init__(self, data: Optional[Dict[str, Any]] = None, **props: Any) -> None:
        if data is not None and not isinstance(data, dict):
            raise _invalid(type(self).__name__, "expected a dict of Graph properties")
        # Python values inside the dict (bytes, datetimes, models) become JSON as keywords do.
        _set_json(self, _to_wire(data, "") if data else {})
        for name, value in props.items():
            field = self._fields.get(name)
            if field is None:
                raise _invalid(name, f"{type(self).__name__} has no such property")
            self._data[field[0]] = _checked(name, _to_wire(value, field[1]), field[1])

    @classmethod
    def _wrap(cls: Type[M], data: Dict[str, Any]) -> M:
        # Parsed JSON is already ours: wrap it without the copy and checks of __init__.
        obj = object.__new__(cls)
        _set_json(obj, data)
        return obj

    @property
    def _data(self) -> Dict[str, Any]:
        return self.__dict__

    def __getattr__(self, name: str) -> Any:
        # Reached for a known property the JSON does not have (None), or an unknown name.
        field = type(self)._fields.get(name)
        if field is None:
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        return _from_wire(self.__dict__.get(field[0]), field[1])

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: build a new one with keywords ({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, json.dumps(self._data, sort_keys=True)))

    def to_dict(self) -> Dict[str, Any]:
        """Graph's own JSON (camelCase keys), everything the server sent included."""
        return self._data

    def to_row(self) -> Dict[str, Any]:
        """One flat row for a DataFrame, from the model's known properties by their types: a
        recipient gives `<name>_address` and `<name>_name`, a recipient list `<name>_addresses`
        (`to_recipients` -> `to_addresses`), a list of attendees their addresses (`attendees`), a
        date-time a tz-aware datetime named without `_date_time` (`received`), a `DateTimeTimeZone`
        one aware datetime in its own zone, named the same way (an event's `start` and `end`, a
        flag's `flag_due`; `o365kit._zones` says which zone names are read), a nested object its
        properties prefixed (`body_content`, `location_display_name`), and anything else its value.
        Properties the model does not know keep their Graph name; `@odata` annotations are left out."""
        row: Dict[str, Any] = {}
        _flatten(self, "", row, 0)
        for key, value in self._data.items():
            if not key.startswith("@") and key not in self._wire_names():
                row.setdefault(key, value)
        return row

    @classmethod
    def _wire_names(cls) -> Any:
        names = cls.__dict__.get("_wire_cache")
        if names is None:
            names = frozenset(w for w, _ in cls._fields.values())
            setattr(cls, "_wire_cache", names)
        return names

    def to_json(self) -> str:
        return json.dumps(self._data, ensure_ascii=False)

    @classmethod
    def from_json(cls: Type[M], text: "str | bytes") -> M:
        """A model from Graph JSON, every value checked against the model by the core first."""
        data = _loads(text, cls.__name__, cls, page=False)
        if not isinstance(data, dict):
            raise _native.DecodeError(f"cannot decode {cls.__name__}: expected a JSON object")
        return cls._wrap(data)

    @classmethod
    def from_json_page(cls: Type[M], text: "str | bytes") -> "Page[M]":
        """A page (`{"value": [...], "@odata.nextLink": ...}`) of this model from Graph JSON,
        every value checked against the model by the core first."""
        data = _loads(text, f"Page[{cls.__name__}]", cls, page=True)
        return Page._from_wire(data, cls)

    def __repr__(self) -> str:
        shown = [f"{k}={v!r}" for k, v in self._summary()]
        return f"{type(self).__name__}({', '.join(shown)})"

    def _summary(self) -> List[Tuple[str, Any]]:
        keys = ("id", "display_name", "topic", "name", "address", "content_type")
        out = []
        for k in keys:
            field = self._fields.get(k)
            if field and field[0] in self._data:
                v = self._data[field[0]]
                out.append((k, v if not isinstance(v, str) or len(v) <= 40 else v[:37] + "..."))
        return out[:3]

    def _repr_html_(self) -> str:
        import html

        rows = []
        for name, (wire, _ty) in self._fields.items():
            if wire in self._data:
                value = json.dumps(self._data[wire], ensure_ascii=False)
                if len(value) > 200:
                    value = value[:197] + "..."
                rows.append(f"<tr><th>{html.escape(name)}</th><td>{html.escape(value)}</td></tr>")
        title = html.escape(type(self).__name__)
        return f"<table><caption>{title}</caption>{''.join(rows)}</table>"


# Sets a model's __dict__ (its JSON) past the read-only __setattr__: the C slot itself.
_set_json = Model.__dict__["__dict__"].__set__

# Graph calls a message's preview `bodyPreview` and a thread's `preview`: one column name for both.
_COLUMNS = {"body_preview": "preview"}


def _column(prefix: str, name: str) -> str:
    name = _COLUMNS.get(name, name.rstrip("_"))
    if not prefix or name.startswith(prefix):
        return name  # flag + flag_status -> flag_status
    if prefix.endswith(name):
        return prefix  # due_date_time + date_time -> due_date_time
    return f"{prefix}_{name}"


def _email(recipient: Any) -> Dict[str, Any]:
    """A recipient's address and name, read through the generated models (no JSON names here)."""
    if not isinstance(recipient, dict):
        return {}
    email = Model._registry["Recipient"]._wrap(recipient).email_address
    if not isinstance(email, Model):
        return {}
    return {"address": email.address, "name": email.name}


def _instant(col: str) -> str:
    return col[: -len("_date_time")] if col.endswith("_date_time") else col


def _zoned(value: Any) -> Any:
    """A DateTimeTimeZone as one aware datetime in its own zone; the model itself when its zone is
    one neither zoneinfo nor the Windows table knows (never a guessed instant)."""
    if not isinstance(value, dict):
        return value
    from ._zones import aware

    moment = Model._registry["DateTimeTimeZone"]._wrap(value)
    found = aware(moment.date_time, moment.time_zone)
    return moment if found is None else found


def _has_email(ty: str) -> bool:
    cls = Model._registry.get(ty)
    return cls is not None and cls._fields.get("email_address", ("", ""))[1] == "EmailAddress"


def _address_of(ty: str, item: Any) -> Any:
    if not isinstance(item, dict):
        return None
    email = Model._registry[ty]._wrap(item).email_address
    return email.address if isinstance(email, Model) else None


def _flatten(model: Model, prefix: str, row: Dict[str, Any], depth: int) -> None:
    data = model._data
    for name, (wire, ty) in type(model)._fields.items():
        if wire not in data:
            continue
        value = data[wire]
        col = _column(prefix, name)
        if ty == "Recipient":
            address = _email(value)
            row[f"{col}_address"] = address.get("address")
            row[f"{col}_name"] = address.get("name")
        elif ty == "Vec<Recipient>":
            base = col[: -len("_recipients")] if col.endswith("_recipients") else col
            items = value if isinstance(value, list) else []
            row[f"{base}_addresses"] = [_email(r).get("address") for r in items]
        elif ty == "DateTime":
            row[_instant(col)] = _from_wire(value, ty)
        elif ty == "DateTimeTimeZone":
            row[_instant(col)] = _zoned(value)
        elif ty.startswith("Vec<") and _has_email(ty[4:-1]):
            # attendees: the addresses, as a recipient list gives them
            items = value if isinstance(value, list) else []
            row[col] = [_address_of(ty[4:-1], v) for v in items]
        elif ty.startswith("Box<"):
            row[col] = value  # a whole nested resource (a post's inReplyTo) stays one cell
        elif ty in Model._registry and isinstance(value, dict) and depth < 2:
            _flatten(Model._registry[ty]._wrap(value), col, row, depth + 1)
        else:
            row[col] = value


def _loads(text: "str | bytes", what: str, model: Optional[Type["Model"]] = None, page: bool = False) -> Any:
    """Parsed JSON; with `model`, checked by the core against the model's table first (the core
    names the JSON path of a bad value), then parsed by `json.loads`: checking keeps nothing, so
    the two cost less than building the models in Rust and handing them over."""
    pending = None
    if model is not None and isinstance(text, (str, bytes, bytearray, memoryview)):
        raw = text.encode() if isinstance(text, str) else bytes(text)
        # A large body is checked on a thread while json.loads parses it here.
        pending = _native.check_start(model.__name__, page, raw)
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as e:
        if pending is not None:
            pending.wait()  # the core's error, naming where the JSON goes wrong, comes first
        raise _native.DecodeError(f"cannot decode {what}: {e}") from None
    if pending is not None:
        pending.wait()
    return data


# Field types whose JSON value is the Python value as json.loads gives it.
_PLAIN = frozenset({"String", "bool", "i64", "i32", "u32", "u64", "f64", "Value", "serde_json::Value", "Vec<String>", "Vec<Value>", "Vec<serde_json::Value>"})


def _accessor(wire: str, ty: str) -> Any:
    """The getter of one known property: the value as sent for plain types, a wrapped model for a
    nested model (its class found on first use: models name classes defined after them), and
    `_from_wire` for the rest (date-times, lists of models, bytes)."""
    if ty in _PLAIN:

        def plain(self: Model) -> Any:
            return self.__dict__.get(wire)

        return plain
    if "<" not in ty and ty != "DateTime" and ty[:1].isupper():
        new, set_json = object.__new__, _set_json
        found: List[Any] = []

        def nested(self: Model) -> Any:
            value = self.__dict__.get(wire)
            if value.__class__ is not dict:
                return value
            if not found:
                cls = Model._registry.get(ty)
                if cls is None:
                    return value
                found.append(cls)
            obj = new(found[0])
            set_json(obj, value)
            return obj

        return nested

    def other(self: Model) -> Any:
        return _from_wire(self.__dict__.get(wire), ty)

    return other


def _from_wire(value: Any, ty: str) -> Any:
    if value is None:
        return None
    if ty.startswith("Vec<") and ty != "Vec<u8>":
        inner = ty[4:-1]
        return [_from_wire(v, inner) for v in value] if isinstance(value, list) else value
    if ty.startswith("Box<"):
        return _from_wire(value, ty[4:-1])
    if ty == "Vec<u8>":
        import base64

        return base64.b64decode(value) if isinstance(value, str) else value
    if ty == "DateTime":
        return _parse_datetime(value) if isinstance(value, str) else value
    cls = Model._registry.get(ty)
    if cls is not None and isinstance(value, dict):
        return cls._wrap(value)
    return value


def _to_wire(value: Any, ty: str) -> Any:
    """Python values as Graph JSON: models as their dicts, datetimes as ISO text, bytes as base64,
    and a str where a model is expected as the core reads it (a str body is HTML, a str recipient
    an address)."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        inner = ty[4:-1] if ty.startswith("Vec<") else ty
        return [_to_wire(v, inner) for v in value]
    if isinstance(value, dict):
        return {k: _to_wire(v, "") for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        import base64

        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, str) and ty.split("<")[-1].rstrip(">") in Model._registry:
        return json.loads(_native.coerce(ty, json.dumps(value)))
    return value


def _checked(name: str, value: Any, ty: str) -> Any:
    """A keyword given to a model must have the property's shape: a model is a dict (or a str the
    core reads as one), a list is a list. Deeper checks are the core's, before any request."""
    inner = ty[4:-1] if ty.startswith(("Vec<", "Box<")) else ty
    if value is None:
        return value
    if ty.startswith("Vec<") and ty != "Vec<u8>":
        if not isinstance(value, list):
            raise _invalid(name, f"expected a list, not {type(value).__name__}")
        for i, v in enumerate(value):
            _checked(f"{name}[{i}]", v, inner)
    elif inner in Model._registry and not isinstance(value, dict):
        raise _invalid(name, f"expected {inner} (or a dict of its properties), not {type(value).__name__}")
    return value


T = TypeVar("T")


class Page(Generic[T]):
    """One page of a Graph collection."""

    __slots__ = ("value", "next_link", "count")

    def __init__(self, value: List[T], next_link: Optional[str] = None, count: Optional[int] = None) -> None:
        self.value = value
        self.next_link = next_link
        self.count = count

    @classmethod
    def _from_wire(cls, data: Any, model: Type[Model]) -> "Page[Any]":
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            raise _native.DecodeError(f"cannot decode Page[{model.__name__}]: expected an object with a value list")
        new, set_json = object.__new__, _set_json
        items: List[Any] = []
        append = items.append
        for v in data["value"]:
            if v.__class__ is dict:
                obj = new(model)
                set_json(obj, v)
                append(obj)
            else:
                append(v)
        return cls(items, data.get("@odata.nextLink"), data.get("@odata.count"))

    def __iter__(self) -> Iterator[T]:
        return iter(self.value)

    def __len__(self) -> int:
        return len(self.value)

    def __repr__(self) -> str:
        more = ", more pages" if self.next_link else ""
        return f"Page({len(self.value)} items{more})"


class Photo:
    """Bytes and their media type: a group photo, or an attachment's raw content."""

    __slots__ = ("content_type", "bytes")

    def __init__(self, content_type: str, bytes: bytes) -> None:  # noqa: A002 - mirrors the core's field
        self.content_type = content_type
        self.bytes = bytes

    def to_dict(self) -> Dict[str, Any]:
        import base64

        return {"contentType": self.content_type, "bytes": base64.b64encode(self.bytes).decode("ascii")}

    @classmethod
    def _from_wire(cls, data: Dict[str, Any]) -> "Photo":
        import base64

        return cls(data["contentType"], base64.b64decode(data["bytes"]))

    def __repr__(self) -> str:
        return f"Photo(content_type={self.content_type!r}, {len(self.bytes)} bytes)"
