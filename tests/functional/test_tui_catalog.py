"""The catalog screen under Pilot, on the real catalog: every chat route can be found, `/` and
typing reach the filter, prices read as prices, and the figures fit at 80x24."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable, Input

from catalog.display import price_per_million
from tui.screens.catalog import CatalogScreen


class Host(App[None]):
    """Only the screen under test, without loading the advisor."""


async def open_catalog(pilot, catalog, messages: list) -> CatalogScreen:  # type: ignore[no-untyped-def]
    screen = CatalogScreen(catalog)
    await pilot.app.push_screen(screen)
    await filtered(pilot, messages, "")
    return screen


async def filtered(pilot, messages: list, text: str) -> CatalogScreen.Filtered:  # type: ignore[no-untyped-def]
    """Wait for the table to start over with `text`'s matches."""
    for _ in range(500):
        done = [m for m in messages if isinstance(m, CatalogScreen.Filtered) and m.text == text]
        if done:
            await pilot.pause()
            return done[-1]
        await pilot.pause()
    raise AssertionError(f"the filter {text!r} never applied")


def shown_models(table: DataTable) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_every_route_the_shortlist_can_name_is_listed_and_found_by_its_name(catalog):
    messages: list = []
    async with Host().run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await open_catalog(pilot, catalog, messages)
        listed = {entry.id for entry in screen.entries}
        nameable = {e.id for e in catalog.rankable()} | {e.id for e in catalog.chat_models() if e.is_self_hosted_route}
        assert nameable <= listed and len(listed) == len(catalog.chat_models()) > 2000
        assert str(screen.query_one("#catalog-count").render()) == f"{len(listed):,} chat routes"
        table = screen.query_one(DataTable)
        for route in ("mistral.mistral-large-3-675b-instruct", "azure/gpt-5.4-mini"):
            screen.query_one("#filter", Input).value = route
            found = await filtered(pilot, messages, route)
            assert route in shown_models(table) and found.matches == table.row_count


async def test_rows_arrive_as_the_view_reaches_them_and_the_last_route_can_be_reached(catalog):
    messages: list = []
    async with Host().run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await open_catalog(pilot, catalog, messages)
        table = screen.query_one(DataTable)
        assert table.size.height < table.row_count < len(screen.entries)  # a screenful and some, at once
        await pilot.press("pagedown", "pagedown")  # paging down brings the next rows before they are needed
        assert table.row_count > 60 and table.cursor_row < table.row_count - 20
        await pilot.press("ctrl+end")  # the bottom: every route, the cursor on the last
        assert table.cursor_row == table.row_count - 1 == len(screen.entries) - 1
        rated = sorted(e.id for e in catalog.chat_models() if e.rated)
        assert shown_models(table) == rated + sorted(e.id for e in catalog.chat_models() if not e.rated)
        screen.query_one("#filter", Input).value = "claude haiku"
        await filtered(pilot, messages, "claude haiku")
        rows = shown_models(table)
        assert rows and all("claude" in r and "haiku" in r for r in rows)


async def test_slash_focuses_the_filter_without_typing_a_slash_and_typing_in_the_table_filters(catalog):
    messages: list = []
    async with Host().run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await open_catalog(pilot, catalog, messages)
        box = screen.query_one("#filter", Input)
        assert isinstance(screen.focused, DataTable)
        await pilot.press("slash")
        assert screen.focused is box and box.value == ""
        await pilot.press("enter")  # back to the table
        assert isinstance(screen.focused, DataTable)
        await pilot.press(*"gpt-5.4")  # typed from the table: every key lands in the filter, the first too
        assert screen.focused is box and box.value == "gpt-5.4"
        await filtered(pilot, messages, "gpt-5.4")  # keys typed quickly share one refill, with the last text
        assert all("gpt-5.4" in model for model in shown_models(screen.query_one(DataTable)))
        await pilot.press("slash", *"mini")  # in the filter, a slash is text: routes have them
        assert box.value == "gpt-5.4/mini"


async def test_prices_read_per_million_tokens_and_self_hosted_routes_show_their_gpu_hour(catalog):
    messages: list = []
    cheap = min((e for e in catalog.rankable() if e.prices.input), key=lambda e: e.prices.input)
    hosted = next(e for e in catalog.chat_models() if e.is_self_hosted_route)
    async with Host().run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await open_catalog(pilot, catalog, messages)
        table = screen.query_one(DataTable)
        for entry in (cheap, hosted):
            screen.query_one("#filter", Input).value = entry.id
            await filtered(pilot, messages, entry.id)
            table.move_cursor(row=shown_models(table).index(entry.id))
            await pilot.pause()
            price = str(table.get_row(entry.id)[1])
            detail = str(screen.query_one("#detail").render())
            if entry is cheap:
                shown = price_per_million(cheap.prices.input)
                assert price.startswith(f"{shown} / ") and shown not in ("$0", "$0.0")
                assert f"price: {shown} in" in detail and "per million tokens" in detail
            else:
                gpu_hour = f"${hosted.self_hosting.usd_per_gpu_hour:.2f}"
                assert price == f"GPU {gpu_hour}/h"
                assert f"price: self-hosted, {hosted.self_hosting.gpu_count}x {hosted.self_hosting.gpu}" in detail
                assert "$0" not in detail.split("\n")[1]


async def test_clicking_the_price_header_sorts_the_cheapest_first(catalog):
    messages: list = []
    async with Host().run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await open_catalog(pilot, catalog, messages)
        screen.query_one("#filter", Input).value = "gpt-4.1"
        await filtered(pilot, messages, "gpt-4.1")
        messages.clear()
        await pilot.click(DataTable, offset=(screen.query_one(DataTable).columns["model"].width + 4, 0))
        await filtered(pilot, messages, "gpt-4.1")
        prices = [catalog.get(m).prices.input for m in shown_models(screen.query_one(DataTable))]
        known = [p for p in prices if p is not None]
        assert known == sorted(known) and prices[: len(known)] == known  # unknown prices last


async def test_at_80x24_the_prices_context_and_ttft_are_on_screen_beside_the_name(catalog):
    messages: list = []
    async with Host().run_test(size=(80, 24), message_hook=messages.append) as pilot:
        screen = await open_catalog(pilot, catalog, messages)
        table = screen.query_one(DataTable)
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        assert sum(widths[:4]) <= table.scrollable_content_region.width  # model, price, context, TTFT
        assert screen.query_one("#detail-pane").region.y > table.region.y  # the detail sits under the table
