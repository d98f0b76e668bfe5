"""What ``make serve`` prints when it starts: the addresses to open (on this laptop and on the
phones of its hotspot), what the start did with the data (backup and check, from
:mod:`widgets.store.backup`); the pool's line is ``widgets.kit.pool.banner_line``. Plain Python.
"""

from __future__ import annotations

import re
import socket
import subprocess


def lan_addresses() -> list[str]:
    """IPv4 addresses of this laptop that phones on its hotspot can reach: from Linux's ``ip``
    command, else (macOS, Windows, or no ``ip``) from the sockets of the standard library."""
    found = ip_command_addresses()
    if found is None:
        found = socket_addresses()
    return [a for a in dict.fromkeys(found) if not a.startswith("127.")]


def ip_command_addresses() -> list[str] | None:
    """Every address ``ip`` lists, or None when there is no ``ip`` command (or it failed)."""
    try:
        done = subprocess.run(["ip", "-o", "-4", "addr", "show", "up"], capture_output=True,
                              text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return re.findall(r"inet (\d+\.\d+\.\d+\.\d+)/", done.stdout)


def socket_addresses() -> list[str]:
    """The address this laptop would send from (a UDP socket "connected" to a private address:
    no packet leaves), then every address its own name resolves to."""
    found = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.254.254.254", 1))
            found.append(probe.getsockname()[0])
    except OSError:
        pass  # no route at all (a hotspot with no other network may have none)
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        found += [info[4][0] for info in infos]
    except OSError:
        pass
    return [a for a in found if a != "0.0.0.0"]  # noqa: S104 (a comparison, not a bind)


def banner(host: str, port: int, data_lines: list[str] = ()) -> str:
    """The addresses to open, then what the start did with the data (backup and check)."""
    lines = [
        *data_lines,
        "",
        "Usaha Kita siap / is ready.",
        f"  Di laptop ini / on this laptop:   http://localhost:{port}/",
    ]
    if host in ("0.0.0.0", "", "::"):  # noqa: S104 (a comparison, not a bind)
        for addr in lan_addresses():
            lines.append(f"  Di HP peserta / on phones:        http://{addr}:{port}/")
    else:
        lines.append(f"  Alamat / address:                 http://{host}:{port}/")
    lines.append("Tekan Ctrl-C untuk berhenti / press Ctrl-C to stop.")
    return "\n".join(lines)
