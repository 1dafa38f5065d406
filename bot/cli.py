"""The ``articlebot`` command: the local harness that answers exactly as the Discord bot does."""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from typing import TYPE_CHECKING, Any, Iterator, Sequence, TextIO

from retrieval.answer import Answer
from retrieval.answerer import Answerer
from retrieval.article import Article
from retrieval.errors import ArticleFormatError, ArticlebotError

from .exit_status import ExitStatus
from .render import render, to_text
from .terminal import printable, to_terminal
from .settings import SettingsError, load_settings
from .library import Library, database_path, open_article
from .store import EVERY_SERVER, Store, StoreError

if TYPE_CHECKING:  # the library's answerer and its index load only for --all: a cold `ask` skips them
    from retrieval.library_answerer import LibraryAnswerer


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
             "text": q.text, "excerpt": q.excerpt, "score": q.score,
             **({"article": {"key": q.article.key, "title": q.article.title, "url": q.article.url,
                             "published": q.article.published.isoformat() if q.article.published else None}}
                if q.article else {})}
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
                 "resolved_by": x.resolved_by, "note": x.note, "kind": x.kind} for x in attrs if x.speaker
            ],
            "quotes": [
                {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "cue": q.cue,
                 "kind": q.kind, "evidence": q.evidence} for q in cast.quotes.get(p.id, ())
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


MAX_LINE_CHARS = 10_000  # of one question read from standard input; the core refuses long ones anyway


def clean(text: str) -> str:
    """A question as valid Unicode: bytes that were not UTF-8 (kept by Python as lone surrogates) become
    U+FFFD, so they are never echoed raw into the JSON or the terminal."""
    if not re.search("[\ud800-\udfff]", text):
        return text
    try:  # the bytes as they came (one U+FFFD each), else any other lone surrogate replaced
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def read_lines(inp: TextIO) -> Iterator[str]:
    """Standard input's lines, each cut at MAX_LINE_CHARS without ever holding more of it in memory."""
    while True:
        line = inp.readline(MAX_LINE_CHARS)
        if not line:
            return
        if not line.endswith("\n"):  # the rest of an endless line is skipped, a chunk at a time
            rest = line
            while rest and not rest.endswith("\n"):
                rest = inp.readline(MAX_LINE_CHARS)
        yield clean(line.rstrip("\n"))


class Output:
    """How answers are printed: the Discord message itself (``--markdown``), or readable terminal text."""

    def __init__(self, out: TextIO, markdown: bool) -> None:
        self.out, self.markdown = out, markdown
        tty = hasattr(out, "isatty") and out.isatty()
        self.bold = tty and not os.environ.get("NO_COLOR")
        self.width = min(shutil.get_terminal_size().columns, 100) if tty else None

    def show(self, answer: Answer, article: Article | None, message: str) -> str:
        return message if self.markdown else to_terminal(answer, article, bold=self.bold, width=self.width)


def _article(answerer: Answerer | LibraryAnswerer) -> Article | None:
    """The one article an answerer answers about; None across the library, whose quotes name theirs."""
    return answerer.article if isinstance(answerer, Answerer) else None


def _answer(answerer: Answerer | LibraryAnswerer, question: str, follow_up: Answer | None,
            k: int) -> tuple[Answer, str]:
    """The answer and the exact message the bot posts for it."""
    answer = answerer.ask(question, follow_up=follow_up, k=k)
    return answer, to_text(render(answer, _article(answerer)))


def cmd_ask(args: argparse.Namespace, answerer: Answerer | LibraryAnswerer, k: int, out: TextIO,
            inp: TextIO) -> int:
    questions = [clean(args.question)] if args.question is not None else read_lines(inp)
    shown = Output(out, args.markdown)
    for n, question in enumerate(questions):
        if args.question is None and not question.strip():
            continue
        answer, message = _answer(answerer, question, None, k)
        if args.json:
            out.write(json.dumps(answer_json(answer, message), ensure_ascii=False) + "\n")
        else:
            out.write(("\n" if n else "") + shown.show(answer, _article(answerer), message) + "\n")
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


def _prompt_lines(inp: TextIO, out: TextIO) -> Iterator[str]:
    """The questions typed at the prompt. On the real terminal ``input()`` gives readline's line editing
    and history (arrow keys, Ctrl-R); otherwise lines are read as they come, each echoed after a prompt."""
    if inp is sys.stdin and out is sys.stdout and inp.isatty():
        try:
            import readline  # noqa: F401 - importing it is what gives input() line editing and history
        except ImportError:  # Windows has no readline; input() still works
            pass
        while True:
            try:
                yield clean(input("\n> "))
            except EOFError:
                out.write("\n")
                return
    for line in read_lines(inp):
        if line.strip():
            out.write(f"\n> {line.strip()}\n")
        yield line


def cmd_chat(args: argparse.Namespace, answerer: Answerer, k: int, out: TextIO, inp: TextIO) -> int:
    out.write(f"Ask about “{printable(answerer.article.title)}”. Follow-ups such as “what else did he say?” "
              "work. Type 'quit' or press Ctrl-D to leave.\n")
    shown = Output(out, args.markdown)
    last: Answer | None = None
    for line in _prompt_lines(inp, out):
        if line.strip().lower() in {"quit", "exit", ":q"}:
            return ExitStatus.OK
        if not line.strip():
            continue
        answer, message = _answer(answerer, line.strip(), last, k)
        last = answer if answer.speaker and not answer.no_answer else last
        out.write(shown.show(answer, answerer.article, message) + "\n")
        out.flush()
    return ExitStatus.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlebot",
        description="Answer questions about a news article and its reader comments, quoting and citing the "
                    "passages, exactly as the Discord bot does.",
    )
    config_help = "settings file (default: $ARTICLEBOT_CONFIG, else the shipped bot/data/default.yaml)"
    data_help = ("the library database of kept articles (default: $ARTICLEBOT_DATA, the settings' library.database, "
                 "or library.sqlite3 in your data folder)")
    parser.add_argument("--config", metavar="PATH", help=config_help)
    parser.add_argument("--data", metavar="PATH", help=data_help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def markdown_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--markdown", action="store_true",
                       help="print the exact Discord message (markdown) instead of readable text")

    def article_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--article", metavar="URL|FILE|KEY",
                       help="a link to a news page, an article file (HTML, scraped page text or YAML), or the key "
                            "of a kept article (see `articlebot list`); overrides the configured default")
        p.add_argument("--guild", type=int, metavar="ID", help="look KEY up among this server's kept articles")

    ask = sub.add_parser("ask", help="answer one question, or one question per line of standard input",
                         description="Answer a question as the bot would. With no QUESTION, read questions "
                                     "from standard input, one a line.")
    article_option(ask)
    ask.add_argument("--all", action="store_true",
                     help="ask across every article: the configured ones and the library's; quotes name their article")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer (its 'answer' is the "
                     "exact Discord message)")
    markdown_option(ask)
    ask.add_argument("question", nargs="?", metavar="QUESTION", help="the question (quote it in the shell)")

    passages = sub.add_parser("passages", help="show the parsed article: passages, citations and speakers",
                              description="Show the parsed article in order, with citation ids and speakers.")
    article_option(passages)
    passages.add_argument("--json", action="store_true", help="print the article as JSON")

    chat = sub.add_parser("chat", help="ask questions at an interactive prompt",
                          description="An interactive prompt for trying the bot; keeps follow-up context.")
    article_option(chat)
    markdown_option(chat)

    from .discord_cli import add_discord_commands  # the Discord commands stay in their own module
    from .library_cli import add_library_commands

    add_library_commands(sub)
    add_discord_commands(sub)
    for command in sub.choices.values():  # `articlebot ask --config PATH` as well as `articlebot --config PATH ask`
        command.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help=config_help)
        command.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS, help=data_help)
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
    if stdin is None and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # a byte that is not UTF-8 is U+FFFD, never a traceback
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
    if getattr(args, "all", False):
        if args.article:
            return _fail("--all asks every configured article; leave out --article", ExitStatus.USAGE, err)
        from .library_scope import LibraryScopes

        try:
            path = database_path(settings, args.data)
            store = Store(path) if path.exists() else None  # the kept articles too, when there are any
            library = LibraryScopes(Library.from_settings(settings, store)).answerer(args.guild)
        except (ArticlebotError, StoreError) as exc:
            return _fail(str(exc), ExitStatus.BAD_ARTICLE, err)
        try:
            return cmd_ask(args, library, settings.max_quotes, out, inp)
        except BrokenPipeError:
            return ExitStatus.OK
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
        return cmd_chat(args, answerer, settings.max_quotes, out, inp)
    except KeyboardInterrupt:
        return ExitStatus.ERROR
    except BrokenPipeError:
        return ExitStatus.OK


if __name__ == "__main__":
    raise SystemExit(main())
