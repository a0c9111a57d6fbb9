"""newsdesk: briefs that keep facts and opinions apart.

The public API is small: ``brief(source, **options) -> Brief``. Everything is imported lazily so
``import newsdesk`` (and a cold CLI start) stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["brief", "__version__"]


def brief(source, **options):
    """Brief one article. See :func:`newsdesk.api.brief`."""
    from .api import brief as _brief

    return _brief(source, **options)
