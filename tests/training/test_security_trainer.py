"""Participants cannot reach the trainer's side, not even by speaking the widget protocol over
the websocket: a participant page holds no trainer widget to message, clicking and typing into
every widget it has changes nothing on the trainer's side, widgets created from outside are
inert, and the trainer page holds only its password field until the password is right."""

from __future__ import annotations

import json
import re
import time
import urllib.request
import uuid

import pytest
import websocket

from widgets.store import Store
from widgets.training import access

pytestmark = pytest.mark.slow
PASSWORD = "sandi-pelatih-uji"
TRAINER_MARKS = ("uk-trainer-tabs", "uk-dash", "uk-trainer-wide", "uk-report", "uk-manage")


def _kernel(server, page: str) -> str:
    with urllib.request.urlopen(f"{server.url}/voila/render/{page}", timeout=120) as reply:
        body = reply.read()
    config = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                       body, re.S)
    assert config, "no page config"
    return json.loads(config.group(1))["kernelId"]


class Channel:
    """The widget protocol as a browser speaks it, over the page's kernel websocket."""

    def __init__(self, server, page: str) -> None:
        kernel = _kernel(server, page)
        url = server.url.replace("http", "ws") + f"/api/kernels/{kernel}/channels"
        self.ws = websocket.create_connection(url, timeout=30)
        self.session = uuid.uuid4().hex

    def send(self, msg_type: str, content: dict, metadata: dict | None = None) -> None:
        header = {"msg_id": uuid.uuid4().hex, "username": "x", "session": self.session,
                  "msg_type": msg_type, "version": "5.3", "date": ""}
        self.ws.send(json.dumps({"header": header, "parent_header": {},
                                 "metadata": metadata or {},
                                 "content": content, "channel": "shell", "buffers": []}))

    def replies(self, seconds: float) -> list[dict]:
        found, deadline = [], time.monotonic() + seconds
        self.ws.settimeout(0.5)
        while time.monotonic() < deadline:
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            if isinstance(raw, str):
                found.append(json.loads(raw))
        return found

    def states(self) -> dict[str, dict]:
        """Every widget model in the kernel, as ``jupyter.widget.control`` reports them."""
        comm_id = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control",
                                "data": {}}, {"version": "1.0.0"})
        for _attempt in range(4):  # the comm opens asynchronously; ask until it answers
            self.replies(1)
            self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
            for reply in self.replies(6):
                data = reply.get("content", {}).get("data", {})
                if reply.get("msg_type") == "comm_msg" and data.get("method") == "update_states":
                    return data["states"]
        raise AssertionError("the kernel did not report its widgets")

    def update(self, model_id: str, state: dict) -> None:
        self.send("comm_msg", {"comm_id": model_id,
                               "data": {"method": "update", "state": state, "buffer_paths": []}})

    def click(self, model_id: str) -> None:
        self.send("comm_msg", {"comm_id": model_id,
                               "data": {"method": "custom", "content": {"event": "click"}}})

    def close(self) -> None:
        self.ws.close()


def _classes(states: dict) -> set[str]:
    return {c for s in states.values() for c in s["state"].get("_dom_classes", ())}


def _store(server) -> Store:
    return Store(server.data_dir / "usaha_kita.sqlite3")


@pytest.fixture(scope="module")
def trainer_password(kit_server):
    with _store(kit_server) as store:
        access.set_password(store, PASSWORD)
        store.sign_in("Peserta Lain", "4321")  # someone whose name must never leak
    return PASSWORD


def _trainer_row(server) -> tuple:
    with _store(server) as store:
        return tuple(store.read("SELECT hash, failed_attempts, locked_until FROM"
                                " trainer_password")[0])


@pytest.mark.parametrize("page", ["evaluasi-awal.ipynb", "evaluasi-akhir.ipynb",
                                  "02-buku-kas.ipynb"])
def test_a_participant_page_holds_no_trainer_widget_and_poking_it_changes_nothing(
        kit_server, trainer_password, page):
    before = _trainer_row(kit_server)
    channel = Channel(kit_server, page)
    try:
        states = channel.states()
        assert states, "no widgets reported: is the protocol spoken right?"
        assert not _classes(states) & set(TRAINER_MARKS)
        assert not any(s["model_name"] == "TabModel" for s in states.values())
        # Type the trainer password into every text field and press every button.
        for model_id, s in states.items():
            if s["model_name"] in ("TextModel", "PasswordModel", "TextareaModel"):
                channel.update(model_id, {"value": trainer_password})
        for model_id, s in states.items():
            if s["model_name"] == "ButtonModel":
                channel.click(model_id)
        # Widgets created from outside: a tab and a password field nobody asked for.
        for model in ("TabModel", "PasswordModel"):
            channel.send("comm_open", {
                "comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget",
                "data": {"state": {"_model_name": model,
                                   "_model_module": "@jupyter-widgets/controls",
                                   "_model_module_version": "2.0.0", "_view_name": "TabView",
                                   "_view_module": "@jupyter-widgets/controls",
                                   "_view_module_version": "2.0.0"}, "buffer_paths": []}},
                {"version": "2.1.0"})
        channel.replies(3)
        after = channel.states()
    finally:
        channel.close()
    assert not _classes(after) & set(TRAINER_MARKS)
    every_value = json.dumps(after)
    assert "Peserta Lain" not in every_value
    assert _trainer_row(kit_server) == before  # not even a wrong attempt was counted
    assert not (kit_server.data_dir / "cadangan").exists() or not any(
        (kit_server.data_dir / "cadangan").iterdir())


def test_the_trainer_page_holds_only_its_password_field_until_signed_in(
        kit_server, trainer_password):
    channel = Channel(kit_server, "pelatih.ipynb")
    try:
        states = channel.states()
        classes = _classes(states)
        assert "uk-trainer-password" in classes
        assert not classes & set(TRAINER_MARKS)
        assert "Peserta Lain" not in json.dumps(states)
        password = next(i for i, s in states.items() if s["model_name"] == "PasswordModel")
        # Control: a wrong password sent over the websocket reaches the gate and is counted.
        channel.update(password, {"value": "bukan-sandinya"})
        channel.replies(4)
        assert _trainer_row(kit_server)[1] == 1
        for model_id, s in states.items():
            if s["model_name"] == "ButtonModel":
                channel.click(model_id)
        channel.replies(2)
        after = channel.states()
        assert not _classes(after) & set(TRAINER_MARKS)
        assert "Peserta Lain" not in json.dumps(after)
        # The password itself opens it, as it does in the browser.
        channel.update(password, {"value": trainer_password})
        channel.replies(6)
        opened = channel.states()
        assert "uk-trainer-tabs" in _classes(opened)
        assert trainer_password not in json.dumps(opened)
    finally:
        channel.close()
    assert _trainer_row(kit_server)[1] == 0


def _control(states: dict, css: str, model: str) -> str:
    """The model id of the ``model`` control a ``Field`` marked with ``css``."""
    return next(i for i, s in states.items()
                if s["model_name"] == model and css in s["state"].get("_dom_classes", ()))


def _poke_everything(channel: Channel, states: dict, text: str) -> None:
    for model_id, s in states.items():
        if s["model_name"] in ("TextModel", "PasswordModel", "TextareaModel"):
            channel.update(model_id, {"value": text})
    for model_id, s in states.items():
        if s["model_name"] == "ButtonModel":
            channel.click(model_id)
    channel.replies(3)


@pytest.mark.parametrize("page", ["02-buku-kas.ipynb", "diskusi.ipynb", "evaluasi-akhir.ipynb"])
def test_a_signed_in_participant_reaches_no_trainer_function_over_the_websocket(
        kit_server, trainer_password, page):
    """Signed in the way a phone signs in (name and PIN typed, the button pressed, all as
    widget messages), the page builds its lesson; typing into and pressing every widget it
    then holds still reaches nothing of the trainer's: no trainer widget, no other
    participant's name, no password attempt, no backup, no PIN changed, nobody deleted."""
    with _store(kit_server) as store:
        before = store.read("SELECT id, name, pin_hash FROM participants ORDER BY id")
    trainer_before = _trainer_row(kit_server)
    channel = Channel(kit_server, page)
    try:
        states = channel.states()
        channel.update(_control(states, "uk-signin-name", "TextModel"),
                       {"value": "Peserta Iseng"})
        channel.update(_control(states, "uk-signin-pin", "PasswordModel"), {"value": "2468"})
        channel.click(next(i for i, s in states.items()
                           if "uk-signin-submit" in s["state"].get("_dom_classes", ())))
        channel.replies(6)
        signed_in = channel.states()
        assert any("Peserta Iseng" in s["state"].get("value", "") for s in signed_in.values()
                   if s["model_name"] == "HTMLModel"), "no welcome line: not signed in"
        _poke_everything(channel, signed_in, trainer_password)
        after = channel.states()
    finally:
        channel.close()
    assert not _classes(after) & set(TRAINER_MARKS)
    assert not any(s["model_name"] == "TabModel" for s in after.values())
    assert "Peserta Lain" not in json.dumps(after)
    assert _trainer_row(kit_server) == trainer_before
    with _store(kit_server) as store:
        now = store.read("SELECT id, name, pin_hash FROM participants ORDER BY id")
        visits = store.read("SELECT v.page FROM visits v JOIN participants p ON"
                            " p.id = v.participant_id WHERE p.name = 'Peserta Iseng'")
    assert [tuple(r) for r in now if r[1] != "Peserta Iseng"] == [tuple(r) for r in before
                                                                   if r[1] != "Peserta Iseng"]
    assert (page.removesuffix(".ipynb"),) in [tuple(v) for v in visits]  # signed in for real
    assert not (kit_server.data_dir / "cadangan").exists() or not any(
        "sebelum" in p.name or "manual" in p.name
        for p in (kit_server.data_dir / "cadangan").iterdir())


@pytest.mark.parametrize("query", ["", "?view=dasbor", "?view=dasbor&kunci=" + "0" * 24,
                                   "?view=fgd&kunci=" + "a" * 24])
def test_the_projector_page_without_todays_key_holds_no_trainer_view(
        kit_server, trainer_password, query):
    channel = Channel(kit_server, "proyektor.ipynb" + query)
    try:
        states = channel.states()
        _poke_everything(channel, states, trainer_password)
        after = channel.states()
    finally:
        channel.close()
    assert not _classes(after) & set(TRAINER_MARKS + ("uk-board-view", "uk-board-html"))
    assert "Peserta Lain" not in json.dumps(after)
    assert {s["model_name"] for s in after.values()} <= {"HTMLModel", "HTMLStyleModel",
                                                         "LayoutModel"}
