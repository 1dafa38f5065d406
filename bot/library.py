"""The articles the bot answers about, loaded once from the settings and kept with their answerers."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from retrieval.answerer import Answerer
from retrieval.load import load_article

from .settings import Settings


def open_article(path: str | Path, url: str | None = None) -> Answerer:
    """An answerer for one article file; ``url`` (from the settings) overrides the file's own."""
    article = load_article(path)
    if url:
        article = replace(article, url=url)
    return Answerer(article)


class Library:
    """Every configured article by key; the default one first."""

    def __init__(self, answerers: dict[str, Answerer], default: str) -> None:
        if default not in answerers:
            raise KeyError(default)
        self.answerers = answerers
        self.default = default

    @classmethod
    def from_settings(cls, settings: Settings) -> "Library":
        return cls({key: open_article(src.path, src.url) for key, src in settings.articles.items()},
                   settings.default_article)

    def get(self, key: str | None = None) -> Answerer:
        return self.answerers[key or self.default]
