"""The thread that owns a SQLite connection: stopped without waiting, it still finishes its work."""

from __future__ import annotations

import threading

from agent.session_store import StoreThread


def test_a_store_thread_stopped_without_waiting_finishes_what_was_queued_then_ends():
    store = StoreThread("store-test")
    (thread,) = [t for t in threading.enumerate() if t.name.startswith("store-test")]
    order: list[str] = []
    started, release = threading.Event(), threading.Event()

    def turn() -> None:  # a turn still running when the app exits
        started.set()
        release.wait(10)
        order.append("turn")

    caller = threading.Thread(target=store.run, args=(turn,))
    caller.start()
    assert started.wait(10)
    store.stop(lambda: order.append("closed"), wait=False)
    assert order == [] and thread.is_alive()  # returned at once, the turn not cut
    release.set()
    caller.join(10)
    thread.join(10)
    assert order == ["turn", "closed"] and not thread.is_alive()
