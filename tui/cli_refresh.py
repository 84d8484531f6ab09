"""`tradeoff catalog refresh`: fetch LiteLLM's current price map when online."""

from __future__ import annotations

import datetime as dt
import json
import os

from agent.files import write_atomic
from agent.settings import Settings
from catalog.sources import REFRESHED_MAP_FILENAME, REFRESHED_STAMP_FILENAME, litellm_version
from tui.cli import print_json

REMOTE_PRICE_MAP = os.environ.get("TRADEOFF_PRICE_MAP_URL") or (
    "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
)
MIN_ENTRIES = 500


def refresh_prices(settings: Settings, as_json: bool, url: str = REMOTE_PRICE_MAP) -> int:
    """Download, sanity-check and atomically install the price map; exit 1 when offline."""
    import httpx

    try:
        response = httpx.get(url, timeout=10.0, follow_redirects=True)
        response.raise_for_status()
        data = response.json()
    except (httpx.HTTPError, json.JSONDecodeError) as exc:
        message = (
            f"offline or unreachable ({exc.__class__.__name__}): kept the current prices "
            f"(litellm {litellm_version()} bundled map or your last refresh)"
        )
        if as_json:
            print_json({"refreshed": False, "message": message})
        else:
            print(message)
        return 1
    if not isinstance(data, dict) or len(data) < MIN_ENTRIES:
        print("the downloaded price map looks truncated; kept the current prices")
        return 1
    write_atomic(settings.prices_dir / REFRESHED_MAP_FILENAME, json.dumps(data))
    write_atomic(settings.prices_dir / REFRESHED_STAMP_FILENAME, dt.date.today().isoformat())
    message = f"refreshed {len(data):,} price entries into {settings.prices_dir}"
    if as_json:
        print_json({"refreshed": True, "entries": len(data), "message": message})
    else:
        print(message)
    return 0
