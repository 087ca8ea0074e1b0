"""How near a worker is to its address-space cap: the run's worker and the file's extraction
both ask, to tell the cap's failures from a reader's bugs."""
from __future__ import annotations

import resource

NEAR_CAP = 0.9  # an error raised once the worker's peak passed this share of its cap is memory's


def near_memory_cap() -> bool:
    """Whether this process has come close to its address-space cap. At the cap, C extensions fail
    in their own ways, not always with MemoryError (the regex module raises RuntimeError "invalid RE
    code" when its allocation fails); such an error is the limit's, not a reader bug."""
    try:
        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit == resource.RLIM_INFINITY:
            return False
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:")), 0)
        return peak >= NEAR_CAP * limit
    except MemoryError:
        return True
    except (OSError, ValueError):
        return False  # no /proc: only a MemoryError counts
