"""The shortlist names a model's host where one model is shortlisted on two hosts, and the line under
the table gives the selected row's full route id and host: the names a user types into `cost --model`."""

from __future__ import annotations

from textual.app import App, ComposeResult

from agent.advisor.view import ShortlistRow
from catalog.display import route_label
from tui.widgets.shortlist import ShortlistTable


def _row(rank: int, model: str, provider: str) -> ShortlistRow:
    return ShortlistRow(rank=rank, model=model, name=model.rsplit("/", 1)[-1], provider=provider, score=80.0,
                        quality=80.0, monthly_cost_usd=10.0, cost="$10.00", within_budget=None, ttft_ms=500.0,
                        ttft="500 ms", max_input_tokens=200_000, context="200k", why="", reasons=())  # fmt: skip


class _Table(App[None]):
    def compose(self) -> ComposeResult:
        yield ShortlistTable()


async def test_one_model_on_two_hosts_names_each_host():
    app = _Table()
    async with app.run_test(size=(120, 20)) as pilot:
        table = app.query_one(ShortlistTable)
        table.show([_row(1, "vertex_ai/claude-sonnet-4-6", "vertex_ai"), _row(2, "claude-sonnet-4-6", "anthropic"),
                    _row(3, "gemini/gemini-2.5-flash", "gemini")])  # fmt: skip
        await pilot.pause()
        names = [str(table.get_row_at(index)[2]) for index in range(table.row_count)]
        assert names == ["claude-sonnet-4-6 · vertex_ai", "claude-sonnet-4-6 · anthropic", "gemini-2.5-flash"]


def test_a_label_keeps_the_host_whole_and_shortens_the_name():
    label = route_label("bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock", 30)
    assert label.endswith(" · bedrock") and len(label) == 30 and label.startswith("us.anthropic.")
