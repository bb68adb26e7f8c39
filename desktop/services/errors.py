"""The one exception type use cases raise for the user; `message` is plain Chinese."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: shown in a dialog by the UI, printed to stderr by the CLI."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
