"""Walls around one learner process, raised right after the fork and before any learner code.

Layers, each applied where the OS allows it and skipped cleanly where it does not:

- on Linux, new network and PID namespaces (plus a user namespace when not root), entered once by
  the zygote so that every child starts inside them: no network, no way to see or signal the
  checker's processes, and the zygote is the namespace's init, which its children cannot kill;
- its own session and process group, so a signal to "its group" reaches only itself;
- no capabilities;
- when running as root, a switch to the unprivileged ``nobody`` user: no writes to the
  installation, no signals to root's processes;
- resource limits: address space, CPU time, file size, no child processes, no core dumps.

``MLKATA_SANDBOX_NAMESPACES=0`` skips the namespaces (the path taken where the OS refuses them).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sys
from dataclasses import dataclass

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REC, MS_PRIVATE = 1, 2, 4, 16384, 1 << 18
NOBODY = 65534


@dataclass(frozen=True)
class Limits:
    """What one check may use. Defaults come from the exercise metadata."""

    time_s: float = 10.0
    memory_mb: int = 1024
    output_bytes: int = 16_384
    file_size_mb: int = 8


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def _unshare(libc: ctypes.CDLL, flags: int) -> bool:
    return bool(libc.unshare(flags) == 0)


def enter_namespaces(hide: tuple[str, ...] = ()) -> list[str]:
    """Move into fresh namespaces; returns the layers obtained.

    ``hide`` lists folders (a catalog with reference solutions, a server's data) to cover with an
    empty read-only tmpfs in a private mount namespace, so the learner's code cannot read them.

    With a new PID namespace the *next* child is its init, so this forks: the caller continues in
    the child, and the intermediate process waits and passes its fate on (exit code or signal).
    """
    libc = _libc()
    if libc is None or os.environ.get("MLKATA_SANDBOX_NAMESPACES") == "0":
        return []
    root = os.geteuid() == 0
    wanted = CLONE_NEWNET | CLONE_NEWPID | (0 if root else CLONE_NEWUSER)
    if hide and _unshare(libc, wanted | CLONE_NEWNS):
        layers = ["net", "pid"] + ([] if root else ["user"])
        if _cover(libc, hide):
            layers.append("hidden")
    elif _unshare(libc, wanted):
        layers = ["net", "pid"] + ([] if root else ["user"])
    elif _unshare(libc, CLONE_NEWNET | (0 if root else CLONE_NEWUSER)):
        return ["net"] + ([] if root else ["user"])
    else:
        return []
    pid = os.fork()
    if pid == 0:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        return layers
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def _cover(libc: ctypes.CDLL, paths: tuple[str, ...]) -> bool:
    if libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None) != 0:
        return False
    for path in paths:
        if os.path.isdir(path) and libc.mount(
                b"tmpfs", path.encode(), b"tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV,
                b"size=4k") != 0:
            return False
    return True


def drop_privileges() -> bool:
    """As root, become ``nobody``; as anyone else there is nothing to drop."""
    if os.geteuid() != 0:
        return False
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)
    return True


def apply_limits(limits: Limits) -> None:
    def cap(which: int, value: int) -> None:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, (value, value))

    cap(resource.RLIMIT_AS, limits.memory_mb * 1024 * 1024)
    cpu = int(limits.time_s) + 2
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    cap(resource.RLIMIT_FSIZE, limits.file_size_mb * 1024 * 1024)
    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_NPROC, 0)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def drop_capabilities() -> bool:
    """Give up every capability (in a user namespace the process has them all there)."""
    libc = _libc()
    if libc is None:
        return False
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    empty = (_CapData * 2)()
    return bool(libc.capset(ctypes.byref(header), empty) == 0)


def hide_folders(hide: tuple[str, ...]) -> bool:
    """Cover folders in a mount namespace of this process's own (before privileges go)."""
    libc = _libc()
    return bool(libc is not None and hide and _unshare(libc, CLONE_NEWNS) and _cover(libc, hide))


def isolate(limits: Limits, hide: tuple[str, ...] = ()) -> list[str]:
    """Walls for one learner process (the zygote's namespaces are already around it);
    ``hide`` covers folders for this process only."""
    os.setsid()
    layers = ["session"]
    if hide and hide_folders(hide):
        layers.append("hidden")
    if drop_privileges():
        layers.append("nobody")
    if drop_capabilities():
        layers.append("no-capabilities")
    apply_limits(limits)
    layers.append("rlimits")
    return layers
