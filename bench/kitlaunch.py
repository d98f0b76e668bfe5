"""Run the kit's Voila subclass (gzip, cache headers, voila.json, the usaha template) over any
folder, with any kernel pools: ``python -m bench.kitlaunch ROOT PORT POOLS_JSON [--no-preload]``.

``widgets.kit.server`` always serves ``lessons/`` with a pool sized for the class; the benchmark
also needs the kit's settings over a folder holding a bare notebook, and with no pool at all
so that a render measures execution. Nothing in ``widgets/`` is changed for that.

``--no-preload``: pages name no scripts in their head (``widgets/kit/preload.py``), so that
``bench.preload`` sees which scripts a page asks for by itself.
"""

from __future__ import annotations

import json
import sys

from widgets.kit import preload
from widgets.kit.server import KIT_ROOT, _make_app_class, kit_environment


def main(argv: list[str]) -> int:
    root, port, pools = argv[0], int(argv[1]), json.loads(argv[2])
    if "--no-preload" in argv[3:]:
        preload.preload_paths = lambda: ()
    kit_environment()
    app_class = _make_app_class()
    app_class.launch_instance(argv=[
        root,
        f"--Voila.config_file_paths=['{KIT_ROOT}']",
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={port}",
        f"--VoilaKernelManager.kernel_pools_config={pools!r}",
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
