"""The advisor: a LangGraph conversation (state, graph, nodes, rules) and its sessions."""
