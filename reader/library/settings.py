"""Small persisted values (the app's last article, filter, theme): settings.json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.library.storage import AtomicJSONStorage, FileLock, RecordTable

TABLE = "settings"
_DOC = 1  # all settings live in one record


class Settings:
    def __init__(
        self, path: Path, lock: FileLock, notify: Callable[[str], None], durable: bool = True
    ) -> None:
        self.lock = lock
        self.notify = notify
        self.storage = AtomicJSONStorage(path, durable=durable, on_damage=self._on_damage)
        self._data: Any = None
        self._values: dict[str, Any] = {}
        self._loaded = False

    def _on_damage(self, path: Path, aside: Path | None) -> None:
        where = f"it was moved to {aside}" if aside else "it is left as it is for now"
        self.notify(f"The settings file {path} was damaged; {where} and "
                    "settings are back to their defaults.")

    def reload(self) -> bool:
        data = self.storage.read()
        if self._loaded and data is self._data:
            return False
        self._loaded = True
        self._data = data
        values = (data or {}).get(TABLE, {}).get(str(_DOC), {})
        changed = values != self._values
        self._values = values
        return changed

    def get(self, key: str, default: Any = None) -> Any:
        if not self._loaded:
            self.reload()
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        try:
            json.dumps(value)
        except (TypeError, ValueError) as error:
            raise TypeError(f"setting {key!r} must be a JSON value: {error}") from error
        with self.lock:
            self.reload()
            values = dict(self._values)
            values[key] = value
            RecordTable(self.storage, TABLE).apply({_DOC: values})
            self.reload()
