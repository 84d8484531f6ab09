"""Opening the trial, batch and routing screens from the chat: which models, which servers, and
where a measured route is kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the rows' module loads with the advisor, off the first paint
    from agent.advisor.view import ShortlistRow


class LaunchingScreen(Protocol):
    """What the launcher needs of the screen that owns it (the main screen)."""

    app: Any
    session_id: str | None

    def marked_models(self) -> list[str]: ...

    def shortlist(self) -> Sequence[ShortlistRow]: ...

    def requests_per_day(self) -> float: ...


class TrialLauncher:
    """Owned by the main screen: models come from its shortlist, evidence goes to its session."""

    def __init__(self, screen: LaunchingScreen) -> None:
        self.screen = screen
        self.measured_route: dict[str, Any] | None = None  # a route measured before there was a session
        self.trial_log: Any = None  # the open trial's log: on return, the votes it added re-rank the session

    @property
    def app(self) -> Any:
        return self.screen.app

    def _ready(self) -> bool:
        if self.app.advisor is None:
            self.app.notify("Still loading; try again in a moment.")
        return self.app.advisor is not None

    def _chosen_models(self) -> list[str]:
        """The shortlist's marked models, else its top two."""
        return self.screen.marked_models() or [row.model for row in self.screen.shortlist()[:2]]

    def start_trial(self, words: str = "") -> None:
        """Given models, else the marked or top two, else the local models (`local` asks for them)."""
        from agent.trials.local_servers import LOCAL_ORDER

        if not self._ready():
            return
        given = [word.strip(",") for word in words.split() if word.strip(",")]
        local_only = given == ["local"]
        models = [] if local_only else given or self._chosen_models()
        if not models:
            models = [f"local/{alias}" for alias in LOCAL_ORDER]
        if not 2 <= len(models) <= 4:
            self.app.notify("A trial needs 2 to 4 models; mark them in the shortlist with space.", severity="warning")
            return
        if any(model.startswith("local/") for model in models):
            self.app.local_models.ensure(lambda: self.open_trial(models))  # opens once the models answer
        else:
            self.open_trial(models)

    def open_trial(self, models: list[str]) -> None:
        from agent.trials.engine import catalog_prices
        from agent.trials.evidence import SessionTrialLog
        from agent.trials.local_servers import LOCAL_ORDER
        from tui.screens.trial import TrialScreen

        catalog, settings = self.app.advisor.tools.catalog, self.app.settings
        names = [entry.id for entry in catalog.chat_models()] + [f"local/{alias}" for alias in LOCAL_ORDER]
        log = SessionTrialLog(self.app.advisor, lambda: self.screen.session_id, settings.data_dir)
        screen = TrialScreen(models, self.api_bases(models), catalog_prices(catalog), log=log,
                             spend_cap_usd=settings.spend_cap_usd, max_tokens=settings.trial_max_tokens,
                             explain_error=self.app.local_models.explain, api_bases_for=self._typed_api_bases,
                             model_names=names)  # fmt: skip
        self.trial_log = log
        self.app.push_screen(screen)

    def rank_with_new_votes(self) -> Any:
        """After a trial that added votes (on a worker thread): the catalog rebuilt with your measured
        ratings and the session ranked again on it. The new turn's result, or None."""
        from agent.advisor.recommendation import load_user_catalog

        return self.app.advisor.use_catalog(load_user_catalog(self.app.settings), self.screen.session_id)

    def start_batch(self, tests_path: str = "") -> None:
        """The batch screen with the marked or top two models, else the local models."""
        from agent.trials.engine import catalog_prices
        from agent.trials.local_servers import LOCAL_ORDER, resolve_local
        from tui.screens.batch import BatchScreen

        if not self._ready():
            return
        models = self._chosen_models() or [f"local/{alias}" for alias in LOCAL_ORDER]
        if any(resolve_local(model, self.app.settings.local_port) for model in models):
            self.app.local_models.ensure()  # started on demand, stopped on exit
        prices = catalog_prices(self.app.advisor.tools.catalog)
        self.app.push_screen(BatchScreen(models, self.api_bases(models), prices, tests_path,
                                         open_routing=lambda data: self.start_routing("", data),
                                         keep_results=self.keep_eval))  # fmt: skip

    def keep_eval(self, results: dict[str, Any]) -> None:
        """A finished batch, kept in the data folder (on a thread) so its pass rates join your leaderboard."""
        import datetime as dt

        from agent.trials.evidence import keep_eval

        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        self.app.run_worker(lambda: keep_eval(self.app.settings.data_dir, results, stamp), thread=True,
                            group="keep-eval", name="keep-eval", exit_on_error=False)  # fmt: skip

    def start_routing(self, results_path: str = "", results_data: dict[str, Any] | None = None) -> None:
        """The Routing view on a saved eval (`tradeoff eval --save`) or on a batch just run, at the
        session's volume; each route it computes is kept for the decision record."""
        from agent.settings import Settings
        from tui.screens.routing import RoutingScreen

        catalog = self.app.advisor.tools.catalog if self.app.advisor is not None else None  # prices once loaded
        settings = self.app.settings or Settings()
        # The local models cost $0 to call (the catalog has no price for them); the box shows it, to edit
        # into a what-if (local/gemma3-270m=gpt-4.1).
        local = [m for m in (results_data or {}).get("models", []) if str(m).startswith("local/")]
        self.app.push_screen(RoutingScreen(results_path, catalog, self.screen.requests_per_day(),
                                           prices=" ".join(f"{m}=0,0" for m in local), export_dir=settings.data_dir,
                                           local_port=settings.local_port, results_data=results_data,
                                           on_route=self.keep_route))  # fmt: skip

    def keep_route(self, route: dict[str, Any]) -> None:
        """A route measured in the Routing view: kept with the session (or, before there is one, here)
        so the record's routing section is measured rather than estimated."""
        self.measured_route = route
        session = self.screen.session_id
        if self.app.advisor is not None and session:
            self.app.run_worker(lambda: self.app.advisor.record_route(session, route), thread=True,
                                group="record-route", name="record-route", exit_on_error=False)  # fmt: skip

    def api_bases(self, models: list[str]) -> dict[str, str]:
        """Local models go to their servers; any other model to trial_api_base, when it is set."""
        from agent.trials.local_servers import resolve_local

        bases = {}
        for model in models:
            if resolved := resolve_local(model, self.app.settings.local_port):
                bases[model] = resolved[1]
            elif self.app.settings.trial_api_base:
                bases[model] = self.app.settings.trial_api_base
        return bases

    def _typed_api_bases(self, models: list[str]) -> dict[str, str]:
        """Models typed on the trial screen: local ones start their servers (in the background)."""
        from agent.trials.local_servers import resolve_local

        if any(resolve_local(model, self.app.settings.local_port) for model in models):
            self.app.local_models.ensure()
        return self.api_bases(models)
