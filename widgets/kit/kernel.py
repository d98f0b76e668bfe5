"""The lesson pages' kernel: ipykernel without its debugger and without a command history.

Every open page is a kernel, and a class day holds 50 to 70 of them at its peak. A stock kernel
loads debugpy when it starts (the debugger of JupyterLab's side panel) and writes every cell
into a history database. A lesson page needs neither: nobody debugs it, and nobody can type
code into it. Measured (kernel PSS after lesson 05 ran): 57 MB stock, 50 MB without the
debugger, 49 MB without the history too; about 0.5 GB less for a class day's 64 kernels.

The kit's server and the hub's user servers use :class:`KitKernelSpecManager`, so only the pages
they serve run this kernel; JupyterLab and the notebook tests keep the stock one.
``python -m widgets.kit.kernel -f CONNECTION_FILE`` is what they start.
"""

from __future__ import annotations

import sys

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

MODULE = "widgets.kit.kernel"
# Options for the kernel's IPython: no history database (one SQLite file shared by every kernel).
KERNEL_OPTIONS = ("--HistoryManager.enabled=False",)
# What a kernel's command line holds: the stock kernel's module, or this one.
MARKERS = ("ipykernel", MODULE)


def is_kernel(command: str) -> bool:
    """Whether a process's command line is a kernel's (the kit's or a stock one)."""
    return any(marker in command for marker in MARKERS)


def kernel_argv(python: str = sys.executable) -> list[str]:
    return [python, "-m", MODULE, "-f", "{connection_file}", *KERNEL_OPTIONS]


class KitKernelSpecManager(KernelSpecManager):
    """The stock kernel specs, with the Python kernel started by this module."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        spec = super().get_kernel_spec(kernel_name)
        if spec.language == "python":
            spec.argv = kernel_argv()
        return spec


def main() -> None:
    # ipykernel imports debugpy if it can; a None entry makes that import fail, and ipykernel
    # then starts without a debugger (its own fallback when debugpy is not installed).
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
