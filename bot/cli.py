"""The ``articlebot`` command: the local harness that answers exactly as the Discord bot does."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence, TextIO

from retrieval.answer import Answer
from retrieval.answerer import Answerer
from retrieval.errors import ArticleFormatError, ArticlebotError

from .exit_status import ExitStatus
from .render import render, to_text
from .settings import SettingsError, load_settings
from .library import database_path, open_article
from .store import EVERY_SERVER, Store, StoreError


def answer_json(answer: Answer, text: str) -> dict[str, Any]:
    return {
        "question": answer.question,
        "kind": answer.kind,
        "no_answer": answer.no_answer,
        "speaker": answer.speaker,
        "speaker_role": answer.speaker_role,
        "speakers": list(answer.speakers),
        "lead": answer.lead,
        "answer": text,
        "corrections": [{"typed": a, "read_as": b} for a, b in answer.corrections],
        "bridges": [{"word": a, "article_word": b} for a, b in answer.bridges],
        "passages": [
            {"id": q.passage_id, "citation": q.citation, "kind": q.kind, "part": q.part, "speaker": q.speaker,
             "author": q.author, "posted": q.posted.isoformat() if q.posted else None, "reply_to": q.reply_to,
             "text": q.text, "excerpt": q.excerpt, "score": q.score}
            for q in answer.quotes
        ],
    }


def passages_json(answerer: Answerer) -> dict[str, Any]:
    a, cast = answerer.article, answerer.cast
    passages = []
    for p in a.passages:
        attrs = cast.attributions.get(p.id, ())
        passages.append({
            "id": p.id, "citation": p.citation, "kind": p.kind, "line": p.line,
            "speaker": cast.speaker_of(p.id),
            "attribution": [
                {"speaker": x.speaker, "part": x.part, "cue": x.cue, "evidence": x.evidence,
                 "resolved_by": x.resolved_by, "note": x.note} for x in attrs if x.speaker
            ],
            "author": p.author, "posted": p.posted.isoformat() if p.posted else None,
            "reply_to": p.reply_to, "quoted": p.quoted, "text": p.text,
        })
    return {
        "title": a.title, "published": a.published.isoformat() if a.published else None, "url": a.url,
        "source": a.source, "comment_count": a.comment_count, "section": a.section, "warnings": list(a.warnings),
        "people": [{"name": x.name, "kind": x.kind, "role": x.role, "aliases": list(x.aliases),
                    "gender": x.gender, "introduced_in": x.introduced_in} for x in cast.people],
        "passages": passages,
    }


def _answer(answerer: Answerer, question: str, follow_up: Answer | None, k: int) -> tuple[Answer, str]:
    answer = answerer.ask(question, follow_up=follow_up, k=k)
    return answer, to_text(render(answer, answerer.article))


def cmd_ask(args: argparse.Namespace, answerer: Answerer, k: int, out: TextIO, inp: TextIO) -> int:
    questions = [args.question] if args.question is not None else (line.rstrip("\n") for line in inp)
    for n, question in enumerate(questions):
        if args.question is None and not question.strip():
            continue
        answer, text = _answer(answerer, question, None, k)
        if args.json:
            out.write(json.dumps(answer_json(answer, text), ensure_ascii=False) + "\n")
        else:
            out.write(("\n" if n else "") + text + "\n")
        out.flush()
    return ExitStatus.OK


def cmd_passages(args: argparse.Namespace, answerer: Answerer, out: TextIO) -> int:
    data = passages_json(answerer)
    if args.json:
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitStatus.OK
    out.write(f"{data['title']}\nPublished: {data['published'] or 'unknown'}\n\n")
    for p in data["passages"]:
        who = p["author"] if p["kind"] == "comment" else (p["speaker"] or "unattributed")
        extra = f", replying to {p['reply_to']}" if p["reply_to"] else ""
        out.write(f"[{p['citation']}] ({who}{extra})\n")
        if p["quoted"]:
            out.write(f"  > {p['quoted']}\n")
        out.write(f"  {p['text']}\n\n")
    return ExitStatus.OK


def cmd_chat(answerer: Answerer, k: int, out: TextIO, inp: TextIO) -> int:
    interactive = inp.isatty()
    out.write(f"Ask about “{answerer.article.title}”. Follow-ups such as “what else did he say?” work. "
              "Type 'quit' or press Ctrl-D to leave.\n")
    last: Answer | None = None
    while True:
        if interactive:
            out.write("\n> ")
            out.flush()
        line = inp.readline()
        if not line or line.strip().lower() in {"quit", "exit", ":q"}:
            out.write("\n" if interactive else "")
            return ExitStatus.OK
        if not line.strip():
            continue
        if not interactive:
            out.write(f"\n> {line.strip()}\n")
        answer, text = _answer(answerer, line.strip(), last, k)
        last = answer if answer.speaker and not answer.no_answer else last
        out.write(text + "\n")
        out.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlebot",
        description="Answer questions about a news article and its reader comments, quoting and citing the "
                    "passages, exactly as the Discord bot does.",
    )
    parser.add_argument("--config", metavar="PATH", help="settings file (default: the shipped bot/data/default.yaml, "
                        "or $ARTICLEBOT_CONFIG)")
    parser.add_argument("--data", metavar="PATH", help="the library database of kept articles (default: "
                        "$ARTICLEBOT_DATA, the settings' library.database, or library.sqlite3 in your data folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def article_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--article", metavar="URL|FILE|KEY",
                       help="a link to a news page, an article file (HTML, scraped page text or YAML), or the key "
                            "of a kept article (see `articlebot list`); overrides the configured default")
        p.add_argument("--guild", type=int, metavar="ID", help="look KEY up among this server's kept articles")

    ask = sub.add_parser("ask", help="answer one question, or one question per line of standard input",
                         description="Answer a question as the bot would. With no QUESTION, read questions "
                                     "from standard input, one a line.")
    article_option(ask)
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.add_argument("question", nargs="?", metavar="QUESTION", help="the question (quote it in the shell)")

    passages = sub.add_parser("passages", help="show the parsed article: passages, citations and speakers",
                              description="Show the parsed article in order, with citation ids and speakers.")
    article_option(passages)
    passages.add_argument("--json", action="store_true", help="print the article as JSON")

    chat = sub.add_parser("chat", help="ask questions at an interactive prompt",
                          description="An interactive prompt for trying the bot; keeps follow-up context.")
    article_option(chat)

    from .discord_cli import add_discord_commands  # the Discord commands stay in their own module
    from .library_cli import add_library_commands

    add_library_commands(sub)
    add_discord_commands(sub)
    return parser


def choose_article(args: argparse.Namespace, settings) -> Answerer:
    """``--article``: a link (fetched), a file, or a key (settings' first, then the library's); else the default."""
    from pathlib import Path

    from .library_cli import fetch_article, is_link

    chosen = args.article
    if not chosen:
        return open_article(settings.default.path, settings.default.url)
    if is_link(chosen):
        return Answerer(fetch_article(chosen).article)  # a failed fetch is an ArticleFormatError naming the link
    if chosen in settings.articles and not Path(chosen).exists():
        source = settings.articles[chosen]
        return open_article(source.path, source.url)
    if not Path(chosen).exists() and "/" not in chosen and "." not in chosen:
        path = database_path(settings, args.data)
        if path.exists():
            store = Store(path)
            for shelf in ((args.guild, EVERY_SERVER) if args.guild else (EVERY_SERVER,)):
                article = store.article(shelf, chosen)
                if article is not None:
                    return Answerer(article)
        raise ArticleFormatError(chosen, None, "no such file, link or kept article (see `articlebot list`)")
    return open_article(chosen)


def _fail(message: str, status: ExitStatus, err: TextIO) -> int:
    err.write(f"articlebot: error: {message}\n")
    return status


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    inp, out, err = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
    except SettingsError as exc:
        return _fail(str(exc), ExitStatus.BAD_SETTINGS, err)
    if getattr(args, "handler", None):
        if args.command in ("add", "list", "remove"):
            return args.handler(args, settings, out, err)
        return args.handler(args, settings, err)
    try:
        answerer = choose_article(args, settings)
    except (ArticlebotError, StoreError) as exc:
        return _fail(str(exc), ExitStatus.BAD_ARTICLE, err)
    for warning in answerer.article.warnings:
        err.write(f"articlebot: warning: {warning}\n")
    try:
        if args.command == "ask":
            return cmd_ask(args, answerer, settings.max_quotes, out, inp)
        if args.command == "passages":
            return cmd_passages(args, answerer, out)
        return cmd_chat(answerer, settings.max_quotes, out, inp)
    except KeyboardInterrupt:
        return ExitStatus.ERROR
    except BrokenPipeError:
        return ExitStatus.OK


if __name__ == "__main__":
    raise SystemExit(main())
