"""A regular expression compiled on its first use, for modules that hold many of them.

Why: a question is read by one path of ``question.py``'s patterns; compiling all of them at import
was the largest share of a cold ``articlebot ask`` after numpy itself. A pattern here behaves as the
compiled one (same methods, same results); it is compiled the first time any attribute is asked for.
"""
from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance lacks: the first use, then attributes other than the methods,
        # which re's own cache answers without compiling again.
        compiled = re.compile(self._pattern, self._flags)
        for method in _METHODS:  # bound once, so later calls cost what the compiled pattern's do
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._pattern!r}, {self._flags!r})"
