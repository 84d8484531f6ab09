"""Benchmark: the catalog screen with every chat route (~3,000). The longest event-loop callback
while it opens, while a filter is typed at 12 keys a second (and how long after the last key the
table shows the result), and while ctrl+end walks to the last route (rows arrive as they are
reached). Prints figures; asserts nothing. Target: keys echo without a visible lag.

Run: PYTHONPATH=. .venv/bin/python bench/bench_catalog_screen.py
"""

from __future__ import annotations

import asyncio
import time

from loop_clock import CallbackClock  # bench/ is on sys.path when run as a script
from textual import events
from textual.app import App

TYPED = ("azure/gpt-5.4-mini", "mistral large", "claude")
KEY_GAP_S = 1 / 12  # a quick typist


async def settled(screen) -> None:  # type: ignore[no-untyped-def]
    while screen._pending is not None:  # a filter waiting for the typing to pause
        await asyncio.sleep(0.002)


async def main() -> None:
    from catalog.sources import load_catalog
    from tui.screens.catalog import CatalogScreen

    catalog = load_catalog()
    app: App[None] = App()
    async with app.run_test(size=(120, 40)) as pilot:
        with CallbackClock() as clock:
            start = time.perf_counter()
            screen = CatalogScreen(catalog)
            await app.push_screen(screen)
            await pilot.pause()
            painted = time.perf_counter()
            print(f"open: {screen.fed} of {len(screen.matches):,} routes on screen after {(painted - start) * 1000:.0f}"
                  f" ms; longest callback {clock.longest(start, painted)[0] * 1000:.0f} ms")  # fmt: skip
            for text in TYPED:
                await pilot.press("/")
                screen.query_one("#filter").value = ""
                await settled(screen)
                await asyncio.sleep(0.3)
                began, cpu_began = time.perf_counter(), time.process_time()
                box = screen.query_one("#filter")
                for char in text:  # posted, not pressed: pilot.press waits for the screen to settle
                    box.post_message(events.Key("space" if char == " " else char, char))
                    await asyncio.sleep(KEY_GAP_S)
                last_key = time.perf_counter()
                await settled(screen)
                await pilot.pause()
                done = time.perf_counter()
                typing = clock.longest(began, last_key)[0] * 1000
                cpu = (time.process_time() - cpu_began) * 1000 / len(text)
                print(f"typing {text!r}: longest callback while typing {typing:.0f} ms, {cpu:.0f} ms CPU a key; "
                      f"the table shows the result ({len(screen.matches)} matches) "
                      f"{(done - last_key) * 1000:.0f} ms after the last key")  # fmt: skip

            screen.query_one("#filter").value = ""
            await settled(screen)
            screen.query_one("#models").focus()
            began, presses = time.perf_counter(), 0
            while screen.query_one("#models").cursor_row < len(screen.matches) - 1:
                await pilot.press("ctrl+end")
                presses += 1
            print(f"ctrl+end to the last of {len(screen.matches):,} routes: {presses} presses, "
                  f"longest callback {clock.longest(began, time.perf_counter())[0] * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
