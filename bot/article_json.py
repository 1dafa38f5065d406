"""An ``Article`` as plain JSON and back: how the store keeps the parsed result beside the source."""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from retrieval.article import Article, Passage


def article_to_json(article: Article) -> str:
    return json.dumps({
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "url": article.url,
        "comment_count": article.comment_count,
        "section": article.section,
        "author": article.author,
        "warnings": list(article.warnings),
        "passages": [_passage(p) for p in article.passages],
    }, ensure_ascii=False, separators=(",", ":"))


def _passage(p: Passage) -> dict[str, Any]:
    return {"id": p.id, "kind": p.kind, "number": p.number, "text": p.text, "line": p.line, "author": p.author,
            "posted": p.posted.isoformat() if p.posted else None, "reply_to": p.reply_to, "quoted": p.quoted}


def article_from_json(text: str) -> Article:
    d = json.loads(text)
    passages = tuple(
        Passage(id=p["id"], kind=p["kind"], number=p["number"], text=p["text"], line=p["line"], author=p["author"],
                posted=datetime.fromisoformat(p["posted"]) if p["posted"] else None, reply_to=p["reply_to"],
                quoted=p["quoted"])
        for p in d["passages"])
    return Article(title=d["title"], published=date.fromisoformat(d["published"]) if d["published"] else None,
                   passages=passages, source=d["source"], url=d["url"], comment_count=d["comment_count"],
                   section=d["section"], author=d.get("author"), warnings=tuple(d["warnings"]))
