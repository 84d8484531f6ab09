"""The advisor as a LangGraph StateGraph, in the shape of LangGraph's react-agent template: typed
state, the tools as the graph's context (`context_schema`), and routing by named functions on
conditional edges.

    START -route_input-> understand | apply_edit | import_record | rerank
    understand -route_intent-> the intent's node (intents.INTENTS)
    update -route_update-> follow_up (a question asked beside the statement) | ask | recommend
    follow_up -route_interview-> ask | recommend
    side answers (retrieve -> answer, explain, compare, what_if, economics) -route_pending-> reask | write
    ask, reask, recommend -> write -> END (write: the advisor model's words; only with a model)
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.graph import END, START, StateGraph

from agent.advisor import inputs, intents, nodes, understand, writer
from agent.advisor.context import AdvisorTools
from agent.advisor.state import AdvisorState


def side_answers() -> list[str]:
    """The nodes of intents that answer and change no requirement: each a function of that name in
    nodes.py, after which a pending interview question is asked again ("retrieve" hands its
    passages to "answer", which does the answering)."""
    nodes_ = {rule.node for rule in intents.INTENTS if not rule.changes_requirements}
    return sorted(nodes_ - {"retrieve"} | {"answer"})


def route_input(state: AdvisorState) -> Literal["apply_edit", "import_record", "rerank", "understand"]:
    """An edit, an import or a re-rank when one came in; otherwise a chat message."""
    if state.rerank:
        return "rerank"
    if state.imported is not None:
        return "import_record"
    if state.edit is not None:
        return "apply_edit"
    return "understand"


def route_intent(state: AdvisorState) -> str:
    """The node the registry names for the message's intent."""
    rule = intents.BY_NAME.get(state.intent)
    return rule.node if rule is not None else "update"


def route_interview(state: AdvisorState) -> Literal["ask", "recommend"]:
    return "ask" if state.next_question is not None else "recommend"


def route_update(state: AdvisorState) -> Literal["follow_up", "ask", "recommend"]:
    """A question asked beside the statement is answered first, on the updated requirements."""
    return "follow_up" if state.then_ask else route_interview(state)


def route_pending(state: AdvisorState) -> Literal["reask", "write"]:
    """After a side question, the interview question still open is asked again."""
    return "reask" if state.next_question is not None else "write"


def build_graph(checkpointer: Any = None, *, model_writes: bool = True) -> Any:
    """`model_writes`: end every turn in the `write` node (the advisor model's words); without a
    model there is nothing for it to do, so the turn ends a checkpoint sooner."""
    last = "write" if model_writes else END
    graph = StateGraph(AdvisorState, context_schema=AdvisorTools)
    graph.add_node("understand", understand.understand)
    graph.add_node("update", understand.update)
    graph.add_node("ask", understand.ask)
    graph.add_node("reask", understand.reask)
    graph.add_node("apply_edit", inputs.apply_edit)
    graph.add_node("import_record", inputs.import_record)
    graph.add_node("rerank", inputs.rerank)
    graph.add_node("recommend", nodes.recommend)
    graph.add_node("retrieve", nodes.retrieve)
    for name in side_answers():
        graph.add_node(name, getattr(nodes, name))
    graph.add_conditional_edges(START, route_input, ["apply_edit", "import_record", "rerank", "understand"])
    graph.add_conditional_edges("understand", route_intent, sorted({rule.node for rule in intents.INTENTS}))
    graph.add_node("follow_up", understand.follow_up)
    graph.add_conditional_edges("update", route_update, ["follow_up", "ask", "recommend"])
    graph.add_conditional_edges("follow_up", route_interview, ["ask", "recommend"])
    graph.add_edge("retrieve", "answer")
    for name in side_answers():
        graph.add_conditional_edges(name, route_pending, {"reask": "reask", "write": last})
    graph.add_edge("apply_edit", "recommend")
    graph.add_edge("import_record", "recommend")
    graph.add_edge("rerank", "recommend")
    for name in ("ask", "reask", "recommend"):
        graph.add_edge(name, last)
    if model_writes:
        graph.add_node("write", writer.write)
        graph.add_edge("write", END)
    return graph.compile(checkpointer=checkpointer)
