"""The client workspace: client list, client page, timeline, drafts, search and their models."""
