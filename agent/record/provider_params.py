"""What a LiteLLM config needs to reach a route's provider: its credentials as references to environment
variables (never values), and, for the clouds that take one, the region the session's lock allows. A Bedrock
or Vertex route with no region runs wherever the account defaults (us-east-1, us-central1): an EU-locked
decision would send its data to the US. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agent.provider_keys import API_KEY_VARIABLES

# One region per allowed bloc for the clouds whose calls name a region, the first of the lock's blocs winning.
_BEDROCK = {"eu": "eu-central-1", "us": "us-east-1", "asia": "ap-northeast-1"}
_VERTEX = {"eu": "europe-west4", "us": "us-central1", "asia": "asia-northeast1"}
_ORDER = ("eu", "us", "asia")  # a lock to the EU and the US pins the EU: the stricter reading of both


def _pinned(table: dict[str, str], allowed: Sequence[str]) -> str | None:
    return next((table[bloc] for bloc in _ORDER if bloc in allowed), None)


def provider_params(provider: str, allowed_regions: Sequence[str]) -> tuple[dict[str, Any], str | None]:
    """(litellm_params to add, a note for model_info or None) for one route's provider."""
    if provider.startswith("bedrock"):
        region = _pinned(_BEDROCK, allowed_regions)
        params = {"aws_access_key_id": "os.environ/AWS_ACCESS_KEY_ID",
                  "aws_secret_access_key": "os.environ/AWS_SECRET_ACCESS_KEY",
                  "aws_region_name": region or "os.environ/AWS_REGION_NAME"}  # fmt: skip
        return params, _lock_note(region, allowed_regions)
    if provider.startswith("vertex_ai"):
        region = _pinned(_VERTEX, allowed_regions)
        params = {"vertex_project": "os.environ/VERTEXAI_PROJECT",
                  "vertex_location": region or "os.environ/VERTEXAI_LOCATION"}  # fmt: skip
        return params, _lock_note(region, allowed_regions)
    if provider in ("self-hosted", "local"):
        where = "/".join(allowed_regions)
        return {"api_base": "os.environ/HOSTED_VLLM_API_BASE"}, (f"self-hosted: deploy it in {where}" if where
                                                                  else None)  # fmt: skip
    params = {}
    if variable := API_KEY_VARIABLES.get(provider):
        params["api_key"] = f"os.environ/{variable}"
    if provider in ("azure", "azure_ai"):
        params["api_base"] = f"os.environ/{provider.upper()}_API_BASE"
        if provider == "azure":
            params["api_version"] = "os.environ/AZURE_API_VERSION"
        where = "/".join(allowed_regions)
        return params, (f"the region is the Azure resource's: create it in {where}" if allowed_regions else None)
    note = None
    if allowed_regions:
        note = f"the session allows {'/'.join(allowed_regions)}: the region is set in the {provider} account"
    return params, note


def _lock_note(region: str | None, allowed_regions: Sequence[str]) -> str | None:
    if region is None:
        return None
    return f"{region}: the session allows {'/'.join(allowed_regions)}"
