"""The list's order: O cycles it; the config file's ``sort`` is the default.

The order chosen with O is kept in the library's settings for as long as
the config file's ``sort`` stays what it was when it was chosen (editing the
file wins over an old choice).
"""

from __future__ import annotations

from reader.library.order import SORTS
from reader.ui.prefs import pref

SETTING = "ui.sort"
SORT_NAMES = {"date": "date", "imported": "import time", "site": "site", "unread": "unread first"}


class SortActions:
    """Mixin for ReaderApp: ``sort_order`` is one of SORTS."""

    sort_order: str = "date"

    def restore_sort(self) -> str:
        configured = pref(self, "sort")
        configured = configured if configured in SORTS else "date"
        saved = self.library.setting(SETTING)
        if isinstance(saved, dict) and saved.get("config") == configured and saved.get("sort") in SORTS:
            return saved["sort"]
        return configured

    def action_cycle_sort(self) -> None:
        self.sort_order = SORTS[(SORTS.index(self.sort_order) + 1) % len(SORTS)]
        self.save(self.library.set_setting, SETTING, {"sort": self.sort_order, "config": pref(self, "sort")})
        self.reload_list(keep=self.open_id)
        self.notify(f"Sorted by {SORT_NAMES[self.sort_order]}.", markup=False, timeout=2)
