"""The second wall: a query worker with no network.

The guard (:mod:`kg.query.guard`) refuses ``SERVICE`` on the parse tree, but it is one parser judging
for another (Oxigraph's). So a worker that runs user queries on an embedded store first moves itself
into a Linux network namespace of its own, which has no interface but a loopback that is down: no
connection can leave it, to the machine's loopback or anywhere else, whatever a query asks for.

Root (as in CI) may create a network namespace directly; other users get one inside a new user
namespace where the kernel allows unprivileged user namespaces. A worker for a *remote* store needs
the network to reach that store and is not isolated: the remote server's own configuration is the
second wall there (docs/sparql-service.md).
"""

from __future__ import annotations

import ctypes
import errno
import os
import socket

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

#: Values of the ``query_isolation`` setting.
MODES = ("auto", "required", "off")


def isolate_network() -> str | None:
    """Move this process into a new, empty network namespace; None on success, else why not.

    Call it before anything opens a socket; it is irreversible for the process.
    """
    if not hasattr(os, "getuid") or os.uname().sysname != "Linux":
        return f"network namespaces are a Linux feature; this is {os.uname().sysname}"
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWNET) == 0:
        return None
    first = ctypes.get_errno()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0:
        _map_ids(uid, gid)
        return None
    second = ctypes.get_errno()
    return (
        f"unshare(CLONE_NEWNET) failed ({errno.errorcode.get(first, first)}) and an unprivileged user namespace "
        f"was refused ({errno.errorcode.get(second, second)})"
    )


def _map_ids(uid: int, gid: int) -> None:
    """Keep this process's own uid and gid inside the new user namespace (so its files stay readable)."""
    try:
        with open("/proc/self/setgroups", "w") as f:
            f.write("deny")
        with open("/proc/self/uid_map", "w") as f:
            f.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as f:
            f.write(f"{gid} {gid} 1")
    except OSError:  # the ids stay unmapped (nobody): the store files must then be world-readable
        pass


def network_reachable(host: str = "127.0.0.1", port: int = 9) -> bool:
    """Whether this process can open a TCP connection at all (a refused connection still counts as reachable)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        try:
            s.connect((host, port))
        except ConnectionRefusedError:
            return True
        except OSError as e:
            return e.errno not in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL)
        return True
