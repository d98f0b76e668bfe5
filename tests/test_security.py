"""Security against the real server: no file reading through the web app, no code execution
through a lesson's kernel, compressed and cached responses."""

from __future__ import annotations

import gzip
import json
import re
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import websocket

pytestmark = pytest.mark.slow


def get(url: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.read(), dict(reply.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers)


@pytest.mark.parametrize(
    "path",
    [
        "/voila/files/../datasets/jepara/profile.yaml",
        "/voila/files/%2e%2e/datasets/jepara/konveksi_kas_2019.csv",
        "/voila/files/../widgets/money.py",
        "/voila/files/../widgets/store.py",
        "/voila/files/02-buku-kas.ipynb",
        "/voila/files/lessons.yaml",
        "/voila/files/../pyproject.toml",
        "/voila/files/../../etc/passwd",
        "/voila/files/..%2f..%2fetc%2fpasswd",
        "/voila/static/../../../../etc/passwd",
        "/voila/render/../widgets/money.py",
        "/voila/render/../tests/test_security.py",
        "/voila/tree/..",
        "/voila/api/contents/..",
        "/api/contents",
        "/api/kernels",
        "/api/sessions",
        "/files/datasets/jepara/profile.yaml",
        "/tree",
        "/lab",
        "/voila/tree",  # finding 8d: listed the lessons and loaded Font Awesome from a CDN
        "/voila/tree/",
        "/voila/tree/02-buku-kas.ipynb",
    ],
)
def test_files_are_not_served(kit_server, path):
    status, body, _ = get(kit_server.url + path)
    assert status in (403, 404, 405), f"{path} answered {status}"
    for secret in (b"opening_balance", b"def parse_rupiah", b"root:x:", b"scrypt", b"[project]"):
        assert secret not in body


def test_the_data_file_is_not_served(kit_server):
    db = kit_server.data_dir / "usaha_kita.sqlite3"
    name = db.name
    for path in (f"/voila/files/{name}", f"/voila/files/../data/{name}",
                 f"/voila/files/{db}", f"/voila/files/..{db}"):
        status, body, _ = get(kit_server.url + path)
        assert status in (403, 404), f"{path} answered {status}"
        assert not body.startswith(b"SQLite format")


def test_no_kernel_can_be_started_from_outside(kit_server):
    request = urllib.request.Request(kit_server.url + "/api/kernels", data=b"{}", method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            status = reply.status
    except urllib.error.HTTPError as err:
        status = err.code
    assert status in (403, 404, 405)


def _kernel_of_lesson(server) -> str:
    status, body, _ = get(server.url + "/voila/render/02-buku-kas.ipynb")
    assert status == 200
    config = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                       body, re.S)
    assert config, "no page config in the lesson page"
    return json.loads(config.group(1))["kernelId"]


def _message(msg_type: str, content: dict) -> str:
    header = {"msg_id": uuid.uuid4().hex, "username": "x", "session": uuid.uuid4().hex,
              "msg_type": msg_type, "version": "5.3", "date": ""}
    return json.dumps({"header": header, "parent_header": {}, "metadata": {},
                       "content": content, "channel": "shell", "buffers": []})


def _replies(ws, seconds: float) -> list[dict]:
    found, deadline = [], time.monotonic() + seconds
    ws.settimeout(0.5)
    while time.monotonic() < deadline:
        try:
            raw = ws.recv()
        except websocket.WebSocketTimeoutException:
            continue
        if isinstance(raw, str):
            found.append(json.loads(raw))
    return found


def test_a_websocket_client_cannot_run_code(kit_server, tmp_path):
    kernel_id = _kernel_of_lesson(kit_server)
    ws_url = kit_server.url.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, timeout=30)
    try:
        # Control: the channel works, so a missing side effect below means a refusal.
        ws.send(_message("kernel_info_request", {}))
        replies = _replies(ws, 5)
        assert any(r.get("msg_type") == "kernel_info_reply" for r in replies)

        marker: Path = tmp_path / "pwned.txt"
        code = f"open({str(marker)!r}, 'w').write('ran')"
        ws.send(_message("execute_request", {"code": code, "silent": False,
                                              "store_history": False, "user_expressions": {},
                                              "allow_stdin": False, "stop_on_error": True}))
        replies = _replies(ws, 5)
        assert not any(r.get("msg_type") == "execute_reply" for r in replies)
    finally:
        ws.close()
    assert not marker.exists(), "code sent over the websocket ran in the kernel"


def test_pages_are_compressed_and_bundles_cached(kit_server):
    status, body, headers = get(kit_server.url + "/voila/render/00-beranda.ipynb",
                                {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    page = gzip.decompress(body)
    assert b"cdn.jsdelivr.net" not in page and b"cdnjs" not in page
    main_js = re.search(rb'src="([^"]*/voila/static/[^"]+\.js)"', page)
    assert main_js, "no Voila bundle referenced"
    status, _, headers = get(kit_server.url + main_js.group(1).decode().split("127.0.0.1")[-1]
                             if main_js.group(1).startswith(b"http") else
                             kit_server.url + main_js.group(1).decode(),
                             {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "max-age=" in headers.get("Cache-Control", "")


MALFORMED = [
    ("comm_msg", {"data": {"method": "update", "state": {"value": "x"}}}),  # no comm_id
    ("comm_msg", {"comm_id": "no-such-comm", "data": "not a dict"}),
    ("comm_msg", {"comm_id": None, "data": None}),
    ("comm_open", {"comm_id": "x" * 40, "target_name": 12, "data": []}),
    ("comm_open", {"target_name": "jupyter.widget", "data": {"state": 3}}),
    ("comm_close", {"comm_id": ["list"]}),
    ("comm_info_request", {"target_name": {"a": 1}}),
]


def test_malformed_messages_bring_back_no_traceback_or_server_path(kit_server):
    """Finding 7: a malformed comm message made the kernel log a traceback, which went back to
    the browser over the websocket as stderr, with the server's paths in it."""
    from conftest import ROOT

    status, body, _ = get(kit_server.url + "/voila/render/02-buku-kas.ipynb")
    config = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                       body, re.S)
    kernel_id = json.loads(config.group(1))["kernelId"]
    models = set(re.findall(rb'"model_id": "([0-9a-f]{32})"', body))
    assert models, "the lesson shows no widget"
    ws_url = kit_server.url.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, timeout=30)
    try:
        for msg_type, content in MALFORMED:
            ws.send(_message(msg_type, content))
        for model in list(models)[:5]:  # real widgets, told nonsense
            for data in ({"method": "update"}, {"method": "update", "state": {"value": [1]}},
                         {"method": "custom", "content": None}, {"method": 5}):
                ws.send(_message("comm_msg", {"comm_id": model.decode(), "data": data}))
        ws.send(_message("kernel_info_request", {}))
        replies = _replies(ws, 10)
    finally:
        ws.close()
    assert any(r.get("msg_type") == "kernel_info_reply" for r in replies), "no control reply"
    text = json.dumps(replies)
    for leak in ("Traceback", str(ROOT), "site-packages", ".py\\\"", "File \\\""):
        assert leak not in text, f"{leak!r} came back over the websocket"
    streams = [r for r in replies if r.get("msg_type") in ("stream", "error")
               and r.get("content", {}).get("name", "stderr") == "stderr"]
    assert streams == [], f"stderr reached the browser: {[s['content'] for s in streams]}"


def _lesson_socket(server, lesson: str = "02-buku-kas.ipynb"):
    status, body, _ = get(server.url + f"/voila/render/{lesson}")
    assert status == 200
    config = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                       body, re.S)
    kernel_id = json.loads(config.group(1))["kernelId"]
    models = sorted({m.decode() for m in re.findall(rb'"model_id": "([0-9a-f]{32})"', body)})
    ws_url = server.url.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
    return websocket.create_connection(ws_url, timeout=30), models


def _echoes(replies: list[dict]) -> list[dict]:
    return [r["content"]["data"]["state"] for r in replies if r.get("msg_type") == "comm_msg"
            and r["content"].get("data", {}).get("method") == "echo_update"]


def test_huge_widget_values_never_reach_the_kernel(kit_server):
    """Finding 2: 5 MB strings pushed into widgets over the websocket reached the kernel (80 of
    them took it to 503 MB). A page's message with over 64 KiB of JSON is now dropped by the
    server, while ordinary values still arrive (the kernel echoes what it applied)."""
    ws, models = _lesson_socket(kit_server)
    try:
        small = ["uk-probe"]
        for model in models:
            ws.send(_message("comm_msg", {"comm_id": model, "data": {
                "method": "update", "state": {"_dom_classes": small}, "buffer_paths": []}}))
        applied = _echoes(_replies(ws, 6))
        assert {"_dom_classes": small} in applied, "control: a small value did not arrive"

        huge = ["x" * 5_000_000]
        for model in models[:5]:
            ws.send(_message("comm_msg", {"comm_id": model, "data": {
                "method": "update", "state": {"_dom_classes": huge}, "buffer_paths": []}}))
        ws.send(_message("kernel_info_request", {}))
        replies = _replies(ws, 8)
    finally:
        ws.close()
    assert any(r.get("msg_type") == "kernel_info_reply" for r in replies), "connection lost"
    assert all(len(json.dumps(state)) < 100_000 for state in _echoes(replies)), \
        "a 5 MB value reached the kernel"



@pytest.mark.parametrize("path", [
    "/voila/templates/lab/static/../../../../pyproject.toml",
    "/voila/templates/usaha/static/../../voila.json",
    "/voila/templates/lab/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/templates/lab/static/%2e%2e/%2e%2e/conf.json",
    "/voila/templates/..%2f..%2fetc/static/passwd",
    "/voila/templates/lab/static/",
    "/voila/templates/lab/static",
    "/voila/templates/lab",
    "/voila/templates/",
    "/voila/templates/lab/nostatic/x.js",
])
def test_template_static_traversal_is_refused_not_an_error(kit_server, path):
    """Finding 8e: a path leaving a template's static/ folder answered 500."""
    status, body, _ = get(kit_server.url + path)
    assert status in (403, 404), f"{path} answered {status}"
    assert b"[project]" not in body and b"root:x:" not in body


def test_template_static_files_are_still_served(kit_server):
    import sys

    bundle = next((Path(sys.prefix) / "share/jupyter/voila/templates/base/static").glob("*.js"))
    status, body, _ = get(f"{kit_server.url}/voila/templates/usaha/static/{bundle.name}")
    assert status == 200 and body == bundle.read_bytes()
