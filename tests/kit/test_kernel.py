"""The lesson kernel the kit's server starts: no debugger, no history, and still a kernel."""

from __future__ import annotations

import json

from jupyter_client import KernelManager

from widgets.kit import kernel

PROBE = ("import sys, json; print(json.dumps(['pydevd' in sys.modules, "
         "get_ipython().history_manager.enabled, 6 * 7]))")


def test_the_kit_spec_starts_the_kit_kernel_for_python_only():
    manager = kernel.KitKernelSpecManager()
    spec = manager.get_kernel_spec("python3")
    assert spec.argv[1:4] == ["-m", "widgets.kit.kernel", "-f"]
    assert "--HistoryManager.enabled=False" in spec.argv
    assert kernel.is_kernel(" ".join(spec.argv))
    assert kernel.is_kernel("/usr/bin/python3 -m ipykernel_launcher -f k.json")
    assert not kernel.is_kernel("/usr/bin/python3 -m widgets.kit.server")


def test_the_kit_kernel_runs_code_without_debugger_or_history(tmp_path):
    manager = KernelManager(kernel_name="python3",
                            kernel_spec_manager=kernel.KitKernelSpecManager())
    manager.start_kernel(cwd=str(tmp_path))
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=60)
        out: list[str] = []
        reply = client.execute_interactive(
            PROBE, timeout=60,
            output_hook=lambda m: out.append(m["content"].get("text", ""))
            if m["msg_type"] == "stream" else None)
        assert reply["content"]["status"] == "ok"
        # The stock kernel prints [true, true, 42]: debugpy loaded, history on.
        assert json.loads("".join(out)) == [False, False, 42]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
