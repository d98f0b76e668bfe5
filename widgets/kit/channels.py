"""The websocket between a page and its kernel, with two of the kit's rules on it.

``voila.json`` names :class:`KitChannels` as jupyter_server's
``kernel_websocket_connection_class``; it is jupyter_server's own connection with:

* **Nothing from the kernel's stderr reaches the browser**, nor ``error`` messages: a
  malformed message from a page made the kernel log a complaint (or a traceback with the
  server's paths) to its stderr, which ipykernel forwards over the websocket. Rendered cells
  already hide stderr (the page template); this closes the live channel too. What is dropped
  goes to the server's log for the trainer.
* **No oversized text from a page reaches the kernel**: a message whose JSON part (header,
  metadata, content: everything but binary buffers) is over :data:`MAX_JSON_BYTES` is dropped.
  A widget value is JSON; a photo travels as a binary buffer, so uploads are not affected.
  Pushing 5 MB strings into 80 widgets took one kernel to 503 MB.
* **A page that is left gives its kernel back at once.** The browser closes a page's
  websockets with code 1001 ("going away") only when the page is left: another lesson opened,
  the page reloaded, the tab or the browser closed. Such a page never reconnects (a reload is a
  new page with a new kernel), so when the last websocket of a kernel closes that way the kernel
  is shut down straight away: a class moving to the next lesson must not hold two kernels per
  phone (measured: 65 kernels, 4.8 GB, with a 5 s wait). A phone that only lost its link
  (asleep, out of the hotspot's reach) sends no 1001: its kernel waits, and the culling of
  ``voila.json`` gives it back after a couple of minutes without a connection.
"""

from __future__ import annotations

import asyncio
from typing import Any

from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
)
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

V1 = "v1.kernel.websocket.jupyter.org"
# The longest text a participant types is a listing description (a few thousand characters);
# 64 KiB of JSON leaves room for every widget's state and stays far from megabytes.
MAX_JSON_BYTES = 64 * 1024
HIDDEN = {"error"}
LEAVING = 1001  # the websocket close code of a page being left
GRACE_SECONDS = 0.5  # the websocket's own teardown finishes first


class KitChannels(ZMQChannelsWebsocketConnection):
    """jupyter_server's websocket connection, minus stderr out and oversized text in."""

    def handle_outgoing_message(self, stream: Any, outgoing_msg: list[Any]) -> None:
        channel = stream if isinstance(stream, str) else getattr(stream, "channel", None)
        if channel == "iopub" and self._hidden(outgoing_msg):
            return
        super().handle_outgoing_message(stream, outgoing_msg)

    def _hidden(self, msg_list: list[Any]) -> bool:
        try:
            _, parts = self.session.feed_identities(msg_list)
            header = self.session.unpack(parts[1])
            kind = header.get("msg_type")
            if kind != "stream" and kind not in HIDDEN:
                return False
            content = self.session.unpack(parts[4])
        except Exception:  # noqa: BLE001 (not ours to judge: jupyter_server handles it)
            return False
        if kind == "stream" and content.get("name") != "stderr":
            return False
        text = content.get("text") or content.get("evalue") or ""
        self.log.info("Kernel %s %s kept from the page: %s", self.kernel_id, kind,
                      str(text)[:500].rstrip())
        return True

    def handle_incoming_message(self, incoming_msg: Any) -> None:
        size = _json_size(incoming_msg, self.subprotocol == V1)
        if size > MAX_JSON_BYTES:
            self.log.warning("Kernel %s: a %d-byte message from a page dropped (limit %d)",
                             self.kernel_id, size, MAX_JSON_BYTES)
            return
        super().handle_incoming_message(incoming_msg)

    def disconnect(self) -> None:
        leaving = getattr(self.websocket_handler, "close_code", None) == LEAVING
        manager, kernel_id = self.multi_kernel_manager, self.kernel_id
        super().disconnect()
        if leaving:
            asyncio.get_running_loop().call_later(
                GRACE_SECONDS, lambda: asyncio.ensure_future(release(manager, kernel_id, self.log)))


async def release(manager: Any, kernel_id: str, log: Any) -> bool:
    """Shut the kernel of a page that was left down, unless a websocket came back to it
    meanwhile. Returns whether it was shut down."""
    if kernel_id not in manager or manager._kernel_connections.get(kernel_id, 0):  # noqa: SLF001
        return False
    log.info("Kernel %s given back: its page was left", kernel_id)
    try:
        # At once (``now``): nothing is lost, as every save is a committed transaction, and a
        # polite shutdown took seconds on a busy laptop while the class's next pages started.
        await manager.shutdown_kernel(kernel_id, now=True)
    except Exception as exc:  # noqa: BLE001 (already gone, or shutting down with the server)
        log.info("Kernel %s was not shut down: %r", kernel_id, exc)
        return False
    return True


def _json_size(message: Any, v1: bool) -> int:
    """Bytes of the message that are JSON, leaving out its binary buffers."""
    try:
        if v1:
            _, parts = deserialize_msg_from_ws_v1(message)
            return sum(len(part) for part in parts[:4])
        if isinstance(message, bytes):
            msg = deserialize_binary_message(message)
            return len(message) - sum(len(buf) for buf in msg.get("buffers", []))
        return len(message.encode("utf-8")) if isinstance(message, str) else len(message)
    except Exception:  # noqa: BLE001 (malformed: jupyter_server refuses it itself)
        return 0
