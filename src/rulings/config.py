"""Where things live: the store, the raw documents, the models; read from the environment once.

``--db PATH`` beats ``RULINGS_DB``, which beats ``corpus/rulings.db`` under the working directory.
Raw XML goes beside the database (``<db folder>/raw``) unless ``RULINGS_RAW`` says otherwise, so a
store and its documents travel together.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("corpus") / "rulings.db"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store to use: the option, else ``RULINGS_DB``, else ``corpus/rulings.db``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("RULINGS_DB")
    return Path(env) if env else DEFAULT_DB


def raw_dir(db: Path) -> Path:
    """Folder for harvested raw XML (``corpus/raw`` beside the default store)."""
    env = os.environ.get("RULINGS_RAW")
    return Path(env) if env else db.parent / "raw"


def models_dir(db: Path) -> Path:
    """Folder for trained classifiers that belong to this store."""
    return db.parent / "models"
