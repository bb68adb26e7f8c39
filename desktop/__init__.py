"""落实台账 (Luoshi Ledger): policy measures, quarterly progress and reports, offline."""

__version__ = "0.1.0"
APP_NAME = "LuoshiLedger"
APP_TITLE = "落实台账"
