"""The spend cap of a live trial: a run whose worst-case cost is above the cap, or unknown, goes
ahead only when the user asks again for the same prompt."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpendCheck:
    estimate_usd: float | None  # the worst case (engine.estimate_cost); None when a model has no price
    cap_usd: float

    @property
    def needs_consent(self) -> bool:
        return self.estimate_usd is None or self.estimate_usd > self.cap_usd

    @property
    def shown(self) -> str:
        """The estimate as the trial screen's mode line says it."""
        if self.estimate_usd is None:
            return "unknown (a model has no price)"
        return f"at most ${self.estimate_usd:.6f}"  # trials cost fractions of a cent: six places show them

    @property
    def warning(self) -> str:
        """What to tell the user when the run waits for a second ask."""
        if self.estimate_usd is None:
            why = "is unknown"
        else:
            why = f"${self.estimate_usd:.4f} is above the ${self.cap_usd:.2f} cap"
        return f"Estimated cost {why} (TRADEOFF_SPEND_CAP_USD). Press Run again to spend it."


class SpendGuard:
    """Remembers the prompt the user chose to run above the cap, so the second ask runs it."""

    def __init__(self, cap_usd: float) -> None:
        self.cap_usd = cap_usd
        self._accepted_for: str | None = None

    def check(self, estimate_usd: float | None) -> SpendCheck:
        return SpendCheck(estimate_usd, self.cap_usd)

    def allows(self, check: SpendCheck, prompt: str) -> bool:
        """True when the run may go ahead now; the first ask above the cap is refused and remembered."""
        if not check.needs_consent or self._accepted_for == prompt:
            return True
        self._accepted_for = prompt
        return False
