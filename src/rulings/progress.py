"""Progress for commands that take minutes: a live line on a terminal, plain lines otherwise.

On a terminal the line shows done/total, the rate and the time left and is redrawn in place;
in a log (CI, a pipe) a plain line is written at most every `interval` seconds.
"""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """Counts work done and shows it; use as a context manager."""

    def __init__(
        self, label: str, total: int | None, stream: TextIO, interval: float = 10.0
    ) -> None:
        self.label = label
        self.total = total
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.interval = 0.2 if self.tty else interval
        self._last = self.started

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._show(final=False)

    def set_total(self, total: int | None) -> None:
        self.total = total

    def line(self) -> str:
        """The progress text: '1,234/10,000 documents  45.2/s  3m12s left'."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done:,}" + (f"/{self.total:,}" if self.total else "")
        text = f"{self.label}: {count}  {rate:.1f}/s"
        if self.total and rate > 0 and self.done < self.total:
            left = (self.total - self.done) / rate
            text += f"  {int(left // 60)}m{int(left % 60):02d}s left"
        return text

    def _show(self, final: bool) -> None:
        if self.tty:
            end = "\n" if final else ""
            self.stream.write("\r\033[K" + self.line() + end)
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.done and (self.tty or time.monotonic() - self.started >= self.interval):
            self._show(final=True)
