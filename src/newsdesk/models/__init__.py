"""Built-in models: numpy inference code plus the small artifacts in ``artifacts/``.

Each artifact is a ``<name>.npz`` (arrays, loaded with ``allow_pickle=False``) and/or
``<name>.json`` (vocabularies, label names, settings) plus ``<name>.card.md``. Models load lazily
and are cached per process; nothing is loaded at import time.
"""
