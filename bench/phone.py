"""A light phone: what a phone's browser does with a lesson page, without the browser.

It GETs the page (time, status, the widget views the HTML names), opens the page's kernel
websocket, asks the kernel for every widget's state (a comm to ``jupyter.widget.control``,
``request_states``), then types into widgets (``update``) and presses buttons (``custom`` /
``click``) the way the page's JavaScript does, and reads back the state updates the kernel
sends (a save's message). Leaving the page closes the websocket with code 1001, as a browser
does when it navigates away.

Widgets are found as a browser test finds them: by a CSS class (``_dom_classes``), a button's
``description`` or a text box's ``placeholder``, in page order (depth first from the views the
HTML names). Selection widgets (dropdowns, toggle and radio buttons) sync their ``index``.

Messages use jupyter_server's JSON websocket protocol (no subprotocol asked): one JSON text per
message with its ``channel``; a kernel message carrying binary buffers comes as a binary frame.
Every wait has a timeout; a refused or broken page is a :class:`PageError`, never a traceback
from deep inside.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bench.measure import WIDGET_MIME, timed_get

LEAVING = 1001  # the close code of a page that is left
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
MODEL_ID = re.compile(r'"model_id":\s*"([0-9a-f]{32})"')
WIDGET_PROTOCOL = "2.1.0"
CONTROL_PROTOCOL = "1.0.0"  # ipywidgets 8's jupyter.widget.control


class PageError(RuntimeError):
    """The page or its kernel did not do what a participant needs (message says what)."""


@dataclass
class Visit:
    """One page load: what a participant would have seen."""

    page: str
    load_s: float = float("nan")
    status: int = 0
    kernel_id: str = ""
    html_models: list[str] = field(default_factory=list)
    states_s: float = float("nan")
    missing_models: int = 0
    error: str = ""

    @property
    def with_widgets(self) -> bool:
        """The HTML named widget views and the kernel returned every one of them."""
        return (self.status == 200 and bool(self.html_models) and not self.missing_models
                and not self.error)


def _header(msg_type: str, session: str) -> dict:
    return {"msg_id": uuid.uuid4().hex, "username": "phone", "session": session,
            "msg_type": msg_type, "version": "5.3",
            "date": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())}


def _decode(frame: str | bytes) -> dict:
    if isinstance(frame, str):
        return json.loads(frame)
    from jupyter_server.services.kernels.connection.base import deserialize_binary_message

    return deserialize_binary_message(frame)


class Phone:
    """One participant's phone on one server address (``base``, e.g. http://127.0.0.1:8866)."""

    def __init__(self, base: str, name: str = "", pin: str = "", timeout: float = 120) -> None:
        self.base = base.rstrip("/")
        self.name, self.pin, self.timeout = name, pin, timeout
        self.models: dict[str, dict] = {}
        self.roots: list[str] = []
        self.visit: Visit | None = None
        self._ws: Any = None
        self._session = uuid.uuid4().hex
        self._control = ""
        self._idle: set[str] = set()

    # --- the page ------------------------------------------------------------------------
    def open(self, page: str) -> Visit:
        """Leave the current page, load ``page`` and connect to its kernel. The visit is
        returned (and kept in ``.visit``) also when something failed: see ``.error``."""
        self.leave()
        visit = self.visit = Visit(page)
        port = int(self.base.rsplit(":", 1)[1])
        try:
            got = timed_get(port, f"/voila/render/{page}", self.timeout)
        except Exception as exc:  # noqa: BLE001 (refused, reset, cut short: all reported)
            visit.error = f"GET failed: {exc!r}"
            return visit
        visit.load_s, visit.status = got["seconds"], got["status"]
        text = got["text"]
        kernel = KERNEL_ID.search(text)
        if visit.status != 200 or not kernel:
            visit.error = f"status {visit.status}, kernel id {'found' if kernel else 'missing'}"
            return visit
        visit.kernel_id = kernel.group(1)
        if WIDGET_MIME in text:
            visit.html_models = list(dict.fromkeys(MODEL_ID.findall(text)))
        self.roots = list(visit.html_models)
        try:
            began = time.monotonic()
            self._connect(visit.kernel_id)
            self._request_states()
            visit.states_s = time.monotonic() - began
        except (PageError, OSError) as exc:
            visit.error = str(exc)[:300]
            return visit
        visit.missing_models = sum(1 for m in visit.html_models if m not in self.models)
        return visit

    def leave(self) -> None:
        """Close the page's websocket as a browser leaving the page does (code 1001)."""
        ws, self._ws = self._ws, None
        if ws is not None:
            with contextlib.suppress(Exception):  # the server may be gone: nothing to close
                ws.close(code=LEAVING)
        self.models, self.roots, self._idle = {}, [], set()

    def _connect(self, kernel_id: str) -> None:
        from websockets.sync.client import connect

        host = self.base.split("://", 1)[1]
        url = f"ws://{host}/api/kernels/{kernel_id}/channels?session_id={self._session}"
        try:
            # Read always (no queue limit), so the server's pings are answered while a phone
            # sits on a page between lessons; no pings of our own, as a browser sends none.
            self._ws = connect(url, open_timeout=self.timeout, max_size=2**25, max_queue=None,
                               ping_interval=None, close_timeout=5, legacy=True)
        except Exception as exc:  # noqa: BLE001 (refused, reset, handshake: all a PageError)
            raise PageError(f"websocket refused: {exc!r}") from exc

    # --- messages --------------------------------------------------------------------------
    def _send(self, msg_type: str, content: dict, metadata: dict | None = None) -> str:
        header = _header(msg_type, self._session)
        message = {"header": header, "parent_header": {}, "metadata": metadata or {},
                   "content": content, "channel": "shell", "buffers": []}
        try:
            self._ws.send(json.dumps(message))
        except Exception as exc:  # noqa: BLE001
            raise PageError(f"send failed: {exc!r}") from exc
        return header["msg_id"]

    def _messages(self, deadline: float) -> Iterator[dict]:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise PageError("no answer from the kernel in time")
            try:
                frame = self._ws.recv(timeout=left)
            except TimeoutError:
                continue
            except Exception as exc:  # noqa: BLE001 (closed: the server went away)
                raise PageError(f"connection lost: {exc!r}") from exc
            message = _decode(frame)
            self._apply(message)
            yield message

    def _apply(self, message: dict) -> None:
        kind = message.get("header", {}).get("msg_type") or message.get("msg_type")
        content = message.get("content", {})
        if kind == "status" and content.get("execution_state") == "idle":
            self._idle.add(message.get("parent_header", {}).get("msg_id", ""))
        elif kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content.get("data", {}).get("state", {}))
        elif kind == "comm_msg":
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update"):
                self.models.setdefault(content["comm_id"], {}).update(data.get("state", {}))
            elif data.get("method") == "update_states":
                for model_id, model in data.get("states", {}).items():
                    self.models[model_id] = dict(model.get("state", {}))
        elif kind == "comm_close":
            self.models.pop(content.get("comm_id"), None)

    def _wait(self, done: Callable[[dict], bool], seconds: float | None = None) -> dict:
        deadline = time.monotonic() + (seconds or self.timeout)
        for message in self._messages(deadline):
            if done(message):
                return message
        raise AssertionError("unreachable")

    def _request_states(self) -> None:
        self._control = uuid.uuid4().hex
        self._send("comm_open", {"comm_id": self._control, "target_name":
                                 "jupyter.widget.control", "data": {}},
                   {"version": CONTROL_PROTOCOL})
        self._send("comm_msg", {"comm_id": self._control,
                                "data": {"method": "request_states"}},
                   {"version": CONTROL_PROTOCOL})
        self._wait(lambda m: m.get("content", {}).get("data", {}).get("method")
                   == "update_states")

    def _acted(self, msg_id: str) -> None:
        """Until the kernel is idle after handling message ``msg_id``: every update it made
        in answer has arrived by then."""
        if msg_id not in self._idle:
            self._wait(lambda _m: msg_id in self._idle)

    # --- widgets ---------------------------------------------------------------------------
    def _page_order(self) -> Iterator[str]:
        seen: set[str] = set()
        todo = list(reversed(self.roots))
        while todo:
            model_id = todo.pop()
            if model_id in seen or model_id not in self.models:
                continue
            seen.add(model_id)
            yield model_id
            children = self.models[model_id].get("children") or []
            todo.extend(reversed([c.removeprefix("IPY_MODEL_") for c in children
                                  if isinstance(c, str)]))

    def find_all(self, css: str = "", description: str = "", placeholder: str = "") -> list[str]:
        found = []
        for model_id in self._page_order():
            state = self.models[model_id]
            if css and css not in (state.get("_dom_classes") or []):
                continue
            if description and description not in str(state.get("description", "")):
                continue
            if placeholder and placeholder not in str(state.get("placeholder", "")):
                continue
            found.append(model_id)
        return found

    def find(self, css: str = "", description: str = "", placeholder: str = "") -> str:
        found = self.find_all(css, description, placeholder)
        if not found:
            raise PageError(f"no widget {css or description or placeholder!r} on "
                            f"{self.visit.page if self.visit else 'the page'}")
        return found[0]

    def state(self, css: str) -> dict:
        return self.models[self.find(css)]

    def set(self, css: str, **state: Any) -> None:
        """Type into (or pick in) the first widget with class ``css``."""
        model_id = self.find(css)
        msg = self._send("comm_msg", {"comm_id": model_id, "data": {
            "method": "update", "state": state, "buffer_paths": []}},
            {"version": WIDGET_PROTOCOL})
        self.models[model_id].update(state)
        self._acted(msg)

    def click(self, css: str = "", description: str = "") -> None:
        model_id = self.find(css, description)
        msg = self._send("comm_msg", {"comm_id": model_id, "data": {
            "method": "custom", "content": {"event": "click"}}},
            {"version": WIDGET_PROTOCOL})
        self._acted(msg)

    def text(self, css: str, key: str = "value") -> str:
        return str(self.state(css).get(key, ""))

    # --- a participant's steps -------------------------------------------------------------
    def sign_in(self) -> bool:
        """Name and PIN into the page's sign-in; True once it greets the participant."""
        self.set("uk-signin-name", value=self.name)
        self.set("uk-signin-pin", value=self.pin)
        self.click("uk-signin-submit")
        return any("uk-msg-ok" in str(self.models[m].get("value", ""))
                   for m in self._page_order() if "Selamat datang" in
                   str(self.models[m].get("value", "")))
