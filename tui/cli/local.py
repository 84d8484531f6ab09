"""`tradeoff local serve`: the offline local models on 127.0.0.1 until ctrl+c."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from tui.cli.common import Parser, UsageError, number


def register(commands: Any) -> None:
    local = commands.add_parser("local", help="the offline local models")
    local.set_defaults(run=run)
    local_commands = local.add_subparsers(dest="local_command", parser_class=Parser, required=True)
    serve = local_commands.add_parser("serve", help="serve SmolLM2-135M and Gemma-3-270M on 127.0.0.1")
    serve.add_argument(
        "--port",
        type=number(1024, 65534, whole=True),
        metavar="N",
        help="first port; the second model uses the next one",
    )


def run(args: argparse.Namespace) -> int:
    from agent.settings import Settings
    from agent.trials.local_servers import LocalModelsUnavailable, start_server

    settings = Settings()
    port = args.port or settings.local_port
    try:
        server = start_server(settings.data_dir, port, log=settings.log_dir / "local-server.log")
    except LocalModelsUnavailable as exc:
        raise UsageError(str(exc)) from None
    for alias in server.aliases:
        print(f"Serving {alias} at {server.api_base(alias)} (LiteLLM: openai/{alias} with that api_base)")
    print(f"Try: tradeoff trial --models {','.join(server.litellm_models())} --prompt 'Hi'   (ctrl+c stops)")
    try:
        while server.alive():
            time.sleep(0.5)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
    died = "; ".join(f"{alias}: {report}" for alias in server.aliases if (report := server.crash_report(alias)))
    sys.stderr.write(f"tradeoff local serve: {died}\n")
    return 1
