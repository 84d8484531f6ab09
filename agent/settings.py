"""Configuration: one pydantic-settings model read from the environment and a TOML file.

Paths come from platformdirs; `TRADEOFF_DATA_DIR` / `TRADEOFF_CONFIG_DIR` move them (tests do).
"""

from __future__ import annotations

import os
import re
from functools import cached_property
from pathlib import Path

from platformdirs import PlatformDirs
from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "tradeoff"
_DIRS = PlatformDirs(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return Path(os.environ.get("TRADEOFF_CONFIG_DIR") or _DIRS.user_config_dir)


def data_dir() -> Path:
    return Path(os.environ.get("TRADEOFF_DATA_DIR") or _DIRS.user_data_dir)


def log_dir() -> Path:
    return Path(os.environ.get("TRADEOFF_LOG_DIR") or _DIRS.user_log_dir)


class SettingsError(ValueError):
    """A setting we cannot use: one line naming the variable or the config file, and the fix."""


class Settings(BaseSettings):
    """Everything a user can configure. Environment variables use the TRADEOFF_ prefix."""

    model_config = SettingsConfigDict(env_prefix="TRADEOFF_", extra="ignore")

    advisor_model: str | None = Field(None, description="litellm model string; unset = offline advisor")
    advisor_api_base: str | None = None
    embedding_model: str | None = Field(
        None, description="sentence-transformers model name or path; unset = packaged all-MiniLM-L6-v2"
    )
    chroma_host: str | None = Field(None, description="use a Chroma server instead of the local store")
    chroma_port: int = Field(8000, gt=0, lt=65536)
    load_embeddings: bool = Field(True, description="false: BM25-only search, no torch (low-memory machines)")
    trial_api_base: str | None = None
    spend_cap_usd: float = Field(0.50, ge=0, le=10_000, allow_inf_nan=False,
                                 description="trials estimated above this ask first")  # fmt: skip
    trial_max_tokens: int = Field(512, gt=0, le=1_000_000)
    local_port: int = Field(8765, ge=1024, le=65534, description="the second local model uses the next port")

    @field_validator("advisor_api_base", "trial_api_base")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            raise ValueError("give an http(s) URL, e.g. http://127.0.0.1:8080/v1")
        return value

    @field_validator("advisor_model", "embedding_model", "chroma_host")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        if value is not None and (not value.strip() or not value.isprintable() or len(value) > 500):
            raise ValueError("give a name without control characters")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_dir() / "config.toml")
        return (init_settings, env_settings, toml)

    @cached_property
    def config_dir(self) -> Path:
        return config_dir()

    @cached_property
    def data_dir(self) -> Path:
        return data_dir()

    @property
    def overrides_path(self) -> Path:
        return self.config_dir / "models.yaml"

    @property
    def prices_dir(self) -> Path:
        return self.data_dir / "prices"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def sessions_path(self) -> Path:
        return self.data_dir / "sessions.sqlite"

    @property
    def log_dir(self) -> Path:
        return log_dir()


def load_settings() -> Settings:
    """Settings, or SettingsError naming the environment variable or config.toml and what is wrong."""
    import tomllib

    from pydantic import ValidationError

    toml = config_dir() / "config.toml"
    for variable, folder in (("TRADEOFF_CONFIG_DIR", config_dir()), ("TRADEOFF_DATA_DIR", data_dir()),
                             ("TRADEOFF_LOG_DIR", log_dir())):  # fmt: skip
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            where = variable if variable in os.environ else "the platform folder"
            raise SettingsError(f"{where}: {blocker} is a file, not a folder; move it or point {variable} elsewhere")
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        variable = f"TRADEOFF_{field.upper()}"
        where = variable if variable in os.environ else f"{toml}: {field}"
        raise SettingsError(f"{where}: {error['msg']}; fix or remove it") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{toml} is not valid TOML ({exc}); fix or remove it") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{toml} is not UTF-8 text; fix or remove it") from None
    except OSError as exc:
        raise SettingsError(f"cannot read {toml} ({exc.strerror or exc.__class__.__name__})") from None
