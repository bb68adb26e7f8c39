"""The program's own log file in the data directory: notes for support, never shown to officers."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.config import DataPaths

LOGGER = "luoshi"


class _QuietFileHandler(RotatingFileHandler):
    """A log file that cannot be written (data folder gone, disk full) is no reason to print
    tracebacks at the officer: the log is for support, the program carries on without it."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def start(paths: DataPaths) -> Path:
    """Send the program's log (logger "luoshi" and below) to the data directory's log file.

    Written only when something is logged; kept small (3 files of 1 MB). Idempotent; a new data
    directory replaces the previous file.
    """
    target = paths.log_file
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _QuietFileHandler):
            if Path(handler.baseFilename) == target:
                return target
            logger.removeHandler(handler)
            handler.close()
    handler = _QuietFileHandler(
        target, maxBytes=1024 * 1024, backupCount=2, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return target
