"""The command palette lists every binding, so each key can be found by name.

Bindings the app disables now (stopping a job when none runs) are left out.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.keys import KEYS, PALETTE_NAMES, shown_key


class ReaderCommands(Provider):
    def _commands(self):
        app = self.app
        for section, binding in KEYS:
            if app.check_action(binding.action, ()) is False:
                continue
            key = shown_key(app._keymap, binding)
            name = PALETTE_NAMES.get(binding.id or "", binding.description)
            help = f"{section} · key: {key}"
            yield name, help, binding.action, app

    async def discover(self) -> Hits:
        for name, help, action, app in self._commands():
            yield DiscoveryHit(name, self._runner(app, action), help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help, action, app in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._runner(app, action), help=help)

    @staticmethod
    def _runner(app, action: str):
        async def run() -> None:
            await app.run_action(action)

        return run
