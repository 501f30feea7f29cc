"""The analyst interface: HTTP API and offline dashboard over a corpus store."""

from eventwire.server.app import Limits, create_app

__all__ = ["Limits", "create_app"]
