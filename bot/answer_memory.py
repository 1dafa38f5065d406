"""The answers the bot has shown, by message id, so a reply to one can follow up on it ("what else did he say?").

Bounded: the least recently used answer is forgotten first. A reply to a forgotten answer is still
answered, only without its context.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from retrieval.answer import Answer


class Shown(NamedTuple):
    article: str  # the key of the article the answer is about
    answer: Answer


class AnswerMemory:
    def __init__(self, size: int) -> None:
        self.size = size
        self._shown: OrderedDict[int, Shown] = OrderedDict()

    def remember(self, message_id: int, article: str, answer: Answer) -> None:
        self._shown[message_id] = Shown(article, answer)
        self._shown.move_to_end(message_id)
        while len(self._shown) > self.size:
            self._shown.popitem(last=False)

    def recall(self, message_id: int | None) -> Shown | None:
        shown = self._shown.get(message_id) if message_id is not None else None
        if shown is not None:
            self._shown.move_to_end(message_id)
        return shown

    def __len__(self) -> int:
        return len(self._shown)
