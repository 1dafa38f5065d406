"""The Discord commands of the CLI (``run``, ``sync``): registered here, built in the Discord issue."""
from __future__ import annotations

import argparse


def add_discord_commands(sub: argparse._SubParsersAction) -> None:
    """Nothing yet: ``run`` and ``sync`` arrive with the Discord adapter."""
