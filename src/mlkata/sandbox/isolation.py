"""Walls around learner processes: an allowlist of what they see, raised before any learner code.

Layers, each applied where the OS allows it and skipped cleanly where it does not:

- on Linux, new network, PID and mount namespaces (plus a user namespace when not root), entered
  once by the zygote so that every child starts inside them: no network, no way to see or signal
  the checker's processes (the zygote is the namespace's init, which its children cannot kill);
- in that mount namespace a **minimal root** built once by the zygote (``pivot_root``): the
  Python standard library (its site-packages left out), the packages learner code may import
  (numpy, and what :data:`Allowlist.packages` adds), the shared libraries they load, and
  ``/dev/null`` and ``/dev/urandom``, all read-only; no ``/proc``, no home directories, no
  checkout, no other environment, no catalog, no server data;
- a size-limited ``/tmp`` in that root, emptied by the zygote after every child;
- per child: its own session, no capabilities, the unprivileged ``nobody`` user when running as
  root, and resource limits (address space, CPU time, file size, no child processes, no core
  dumps).

``MLKATA_SANDBOX_NAMESPACES=0`` skips the namespaces (the path taken where the OS refuses them).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import platform
import resource
import shutil
import signal
import sys
import sysconfig
from dataclasses import dataclass

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MNT_DETACH = 2
NOBODY = 65534
#: a learner's /tmp: room for a scratch file, not for filling the machine's memory
TMP_OPTIONS = b"size=16m,nr_inodes=1024,mode=1777"
#: where the root is assembled, inside the zygote's own mount namespace (the host's is untouched)
STAGING = "/tmp"
DEVICES = ("/dev/null", "/dev/urandom")
#: glibc has no wrapper for pivot_root: its system call number per architecture
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}


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


class RootError(OSError):
    """The minimal root could not be built here."""


def _mount(libc: ctypes.CDLL, source: bytes | None, target: str, fstype: bytes | None,
           flags: int, data: bytes | None = None) -> None:
    if libc.mount(source, target.encode(), fstype, flags, data) != 0:
        errno = ctypes.get_errno()
        raise RootError(errno, f"mount {target}: {os.strerror(errno)}")


@dataclass(frozen=True)
class Allowlist:
    """What a learner's process may read: everything else on the machine is out of sight."""

    #: importable packages beyond the standard library (numpy always)
    packages: tuple[str, ...] = ()

    def folders(self) -> list[str]:
        """Read-only folders of the root: the standard library, the allowed packages (with the
        vendored libraries wheels keep beside them) and the folders of mapped shared
        libraries."""
        # "stdlib" only: in a virtual environment "platstdlib" is the environment's own folder
        found = {os.path.realpath(sysconfig.get_paths()["stdlib"])}
        found.update(_lib_dynload())
        for name in ("numpy", *self.packages):
            found.update(_package_folders(name))
        found.update(_mapped_library_folders())
        return sorted(p for p in found if os.path.isdir(p) and not _holds_mlkata(p))

    @staticmethod
    def masked() -> list[str]:
        """Folders inside the standard library that hold other installed packages."""
        stdlib = os.path.realpath(sysconfig.get_paths()["stdlib"])
        return [os.path.join(stdlib, name) for name in ("site-packages", "dist-packages")
                if os.path.isdir(os.path.join(stdlib, name))]


def _lib_dynload() -> list[str]:
    return [os.path.realpath(p) for p in sys.path if p.endswith("lib-dynload") and os.path.isdir(p)]


def _package_folders(name: str) -> list[str]:
    import importlib.util
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    folders = [os.path.realpath(p) for p in spec.submodule_search_locations]
    # wheels vendor their shared libraries in a sibling folder (numpy.libs, scipy.libs)
    libs = [f"{p}.libs" for p in folders if os.path.isdir(f"{p}.libs")]
    return folders + libs


def _mapped_library_folders() -> set[str]:
    """Folders of the shared libraries this process has loaded: their siblings (libz, libffi,
    libssl, ...) are what standard-library extension modules load later."""
    folders: set[str] = set()
    with contextlib.suppress(OSError), open("/proc/self/maps") as maps:
        for line in maps:
            path = line.rstrip("\n").split(maxsplit=5)[-1]
            if path.startswith("/") and ".so" in os.path.basename(path):
                folders.add(os.path.dirname(os.path.realpath(path)))
    return folders


def _holds_mlkata(folder: str) -> bool:
    """A folder that contains mlkata itself (its catalog has the reference solutions)."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    return package == folder or package.startswith(folder.rstrip("/") + "/")


def _locked_flags(path: str) -> int:
    """Flags a read-only bind must keep (a user namespace may not clear them)."""
    try:
        st = os.statvfs(path)
    except OSError:
        return 0
    flags = 0
    for st_flag, ms_flag in ((os.ST_NOSUID, MS_NOSUID), (os.ST_NODEV, MS_NODEV),
                             (os.ST_NOEXEC, MS_NOEXEC)):
        if st.f_flag & st_flag:
            flags |= ms_flag
    return flags


def _bind(libc: ctypes.CDLL, source: str, target: str, device: bool = False) -> None:
    _mount(libc, source.encode(), target, None, MS_BIND | MS_REC)
    flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | _locked_flags(source)
    if not device:
        flags |= MS_NODEV
    _mount(libc, None, target, None, flags)


def build_root(libc: ctypes.CDLL, allow: Allowlist) -> None:
    """Assemble the minimal root in a tmpfs and make it this mount namespace's ``/``.

    Runs in the zygote, inside its private mount namespace, before any learner code exists."""
    folders, masked = allow.folders(), allow.masked()
    _mount(libc, None, "/", None, MS_REC | MS_PRIVATE)
    new = STAGING
    _mount(libc, b"tmpfs", new, b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,mode=0755")
    # deepest last, so a folder inside another (a package under a masked site-packages) is
    # bound onto the mount above it
    plan = sorted([(p, "bind") for p in folders] + [(p, "mask") for p in masked],
                  key=lambda item: item[0].count("/"))
    for path, kind in plan:
        target = new + path
        os.makedirs(target, mode=0o755, exist_ok=True)
        if kind == "bind":
            _bind(libc, path, target)
        else:
            _mount(libc, b"tmpfs", target, b"tmpfs", MS_NOSUID | MS_NODEV, b"size=4k,mode=0755")
    for name in ("lib", "lib64", "lib32", "libx32"):  # merged-/usr links, as on the host
        if os.path.islink(f"/{name}") and os.path.isdir(new + os.path.realpath(f"/{name}")):
            os.symlink(os.readlink(f"/{name}"), f"{new}/{name}")
    os.makedirs(f"{new}/dev", mode=0o755)
    for device in DEVICES:
        with open(new + device, "w"):
            pass
        _bind(libc, device, new + device, device=True)
    if os.path.isfile("/etc/ld.so.cache"):
        os.makedirs(f"{new}/etc", mode=0o755)
        with open(f"{new}/etc/ld.so.cache", "w"):
            pass
        _bind(libc, "/etc/ld.so.cache", f"{new}/etc/ld.so.cache")
    os.makedirs(f"{new}/tmp", mode=0o1777)
    _mount(libc, b"tmpfs", f"{new}/tmp", b"tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, TMP_OPTIONS)
    os.makedirs(f"{new}/.old", mode=0o700)
    number = PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise RootError(0, f"pivot_root: unknown system call number on {platform.machine()}")
    if libc.syscall(number, new.encode(), f"{new}/.old".encode()) != 0:
        errno = ctypes.get_errno()
        raise RootError(errno, f"pivot_root: {os.strerror(errno)}")
    os.chdir("/")
    if libc.umount2(b"/.old", MNT_DETACH) != 0:
        raise RootError(ctypes.get_errno(), "could not detach the old root")
    os.rmdir("/.old")
    _mount(libc, None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _map_to_root(uid: int, gid: int) -> None:
    """In a fresh user namespace: be root there, mapped to who we are outside."""
    with open("/proc/self/setgroups", "w") as f:
        f.write("deny")
    with open("/proc/self/uid_map", "w") as f:
        f.write(f"0 {uid} 1")
    with open("/proc/self/gid_map", "w") as f:
        f.write(f"0 {gid} 1")


def enter_namespaces(allow: Allowlist | None = None) -> list[str]:
    """Move into fresh namespaces and, where the OS allows, the minimal root; returns the
    layers obtained.

    With a new PID namespace the *next* child is its init, so this forks: the caller continues in
    the child, and the intermediate process waits and passes its fate on (exit code or signal).
    """
    libc = _libc()
    if libc is None or os.environ.get("MLKATA_SANDBOX_NAMESPACES") == "0":
        return []
    root = os.geteuid() == 0
    uid, gid = os.geteuid(), os.getegid()
    user = 0 if root else CLONE_NEWUSER
    wanted = CLONE_NEWNET | CLONE_NEWPID | user
    if _unshare(libc, wanted | CLONE_NEWNS):
        layers, mounts = ["net", "pid"], True
    elif _unshare(libc, wanted):
        layers, mounts = ["net", "pid"], False
    elif _unshare(libc, CLONE_NEWNET | user):
        layers, mounts = ["net"], False
    else:
        return []
    if not root:
        layers.append("user")
        with contextlib.suppress(OSError):
            _map_to_root(uid, gid)
    if "pid" not in layers:
        return layers
    pid = os.fork()
    if pid == 0:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if mounts:
            try:
                build_root(libc, allow or Allowlist())
                layers.append("root")
            except OSError as exc:
                layers.append(f"no-root: {exc}")
        return layers
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def empty_tmp() -> None:
    """Remove what a child left in the root's /tmp, before the next child starts: each finds
    it empty, and none can leave data for a later one. (A mount namespace per child would do
    it too, at a few milliseconds a child.)"""
    with os.scandir("/tmp") as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)


def drop_privileges() -> bool:
    """As root, become ``nobody``; as anyone else there is nothing to drop."""
    if os.geteuid() != 0:
        return False
    try:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    except OSError:  # a user namespace with only our own uid mapped: nobody does not exist
        return False
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


def isolate(limits: Limits) -> list[str]:
    """Walls for one learner process (the zygote's namespaces and root are already around it).
    """
    os.setsid()
    layers = ["session"]
    if drop_privileges():
        layers.append("nobody")
    if drop_capabilities():
        layers.append("no-capabilities")
    apply_limits(limits)
    layers.append("rlimits")
    return layers
