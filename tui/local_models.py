"""The local models' servers, started on demand for a trial or a batch and stopped with the app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App


class LocalModels:
    """One per app: `ensure` starts the servers in a worker unless they already answer."""

    def __init__(self, app: App[Any], settings: Any) -> None:
        self.app = app
        self.settings = settings
        self.server: Any = None  # the servers, when this app started them

    def ensure(self, then: Callable[[], None] | None = None) -> None:
        """Start the local models if they do not answer yet, then call `then` on the UI thread."""
        self.app.run_worker(lambda: self._ensure(then), thread=True, exclusive=True, group="local-server",
                            name="local-server", exit_on_error=False)  # fmt: skip

    def _ensure(self, then: Callable[[], None] | None) -> None:
        from agent.trials.local_servers import LOCAL_ORDER, LocalModelsUnavailable, answering, start_server

        port = self.settings.local_port
        if not all(answering(alias, port) for alias in LOCAL_ORDER):
            if self.server is not None:  # one of ours died: free its ports before starting again
                self.server.stop()
                self.server = None
            log = self.settings.log_dir / "local-server.log"
            self.app.call_from_thread(self.app.notify, f"Starting the local models (a few seconds; log: {log})…")
            try:
                self.server = start_server(self.settings.data_dir, port, log=log)
            except LocalModelsUnavailable as exc:
                self.app.call_from_thread(self.app.notify, f"The local models could not start: {exc}",
                                          severity="error", timeout=20)  # fmt: skip
                return
        if then is not None:
            self.app.call_from_thread(then)

    def explain(self, model: str, error: str | None) -> str | None:
        """A local model's failed run names its server's crash, if ours died."""
        return self.server.explain(model, error) if self.server is not None else error

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
