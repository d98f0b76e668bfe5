"""What ``make serve`` prints when it starts: the addresses to open (on this laptop and on the
phones of its hotspot), what the start did with the data (backup and check, from
:mod:`widgets.store.backup`); the pool's line is ``widgets.kit.pool.banner_line``. Plain Python.
"""

from __future__ import annotations

import re
import socket
import subprocess


def lan_addresses() -> list[str]:
    """IPv4 addresses of this laptop that phones on its hotspot can reach."""
    found: list[str] = []
    try:
        out = subprocess.run(
            ["ip", "-o", "-4", "addr", "show", "up"], capture_output=True, text=True, timeout=5
        ).stdout
        found = re.findall(r"inet (\d+\.\d+\.\d+\.\d+)/", out)
    except (OSError, subprocess.SubprocessError):
        try:
            found = socket.gethostbyname_ex(socket.gethostname())[2]
        except OSError:
            found = []
    return [a for a in dict.fromkeys(found) if not a.startswith("127.")]


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
