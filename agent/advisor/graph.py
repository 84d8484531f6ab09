"""The advisor as a LangGraph StateGraph: understand -> ask/wait (interview) -> recommend, with
side branches for knowledge questions, explanations, comparisons and what-ifs."""

from __future__ import annotations

from functools import partial
from typing import Any

from langgraph.graph import END, START, StateGraph

from agent.advisor import nodes
from agent.advisor.nodes import AdvisorTools
from agent.advisor.state import AdvisorState


def build_graph(tools: AdvisorTools, checkpointer: Any = None) -> Any:
    graph = StateGraph(AdvisorState)
    graph.add_node("understand", partial(nodes.understand, tools=tools),
                   destinations=("ask", "retrieve", "explain", "compare", "what_if", "economics"))  # fmt: skip
    graph.add_node("ask", partial(nodes.ask, tools=tools), destinations=("wait", "recommend"))
    graph.add_node("wait", nodes.wait, destinations=("ask", "understand"))
    graph.add_node("recommend", partial(nodes.recommend, tools=tools))
    graph.add_node("retrieve", partial(nodes.retrieve, tools=tools))
    graph.add_node("answer", partial(nodes.answer, tools=tools))
    graph.add_node("explain", partial(nodes.explain, tools=tools))
    graph.add_node("compare", partial(nodes.compare, tools=tools))
    graph.add_node("what_if", partial(nodes.what_if, tools=tools))
    graph.add_node("economics", partial(nodes.economics, tools=tools))
    graph.add_edge(START, "understand")
    graph.add_edge("retrieve", "answer")
    for name in ("recommend", "answer", "explain", "compare", "what_if", "economics"):
        graph.add_edge(name, END)
    return graph.compile(checkpointer=checkpointer)
