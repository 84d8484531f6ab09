"""Cost vs quality scatter of the shortlist, with the Pareto frontier drawn as a line."""

from __future__ import annotations

import math
from typing import Any

from textual_plotext import PlotextPlot


def cost_quality_frontier(points: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """The 2-D frontier the plot can draw: no cheaper point has quality as high."""
    frontier: list[tuple[float, float, str]] = []
    for point in sorted(points, key=lambda p: (p[0], -p[1])):
        if not frontier or point[1] > frontier[-1][1]:
            frontier.append(point)
    return frontier


class CostQualityPlot(PlotextPlot):
    def show(self, ranked: list[dict[str, Any]]) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("cost vs quality (log10 $/month)")
        plt.xlabel("log10 $/month")
        plt.ylabel("quality")
        points = [(math.log10(max(r["monthly_cost_usd"], 0.01)), r["quality"], r["model"]) for r in ranked]
        if points:
            plt.scatter([p[0] for p in points], [p[1] for p in points], marker="dot", label="shortlist")
            frontier = cost_quality_frontier(points)
            if len(frontier) > 1:
                plt.plot([p[0] for p in frontier], [p[1] for p in frontier], label="cost-quality frontier")
        self.refresh()
