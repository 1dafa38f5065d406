"""The CLI as a terminal program: quick to start (no discord or aiohttp), readable text, line editing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from tests.conftest import ROOT

QUESTION = "Who called US policies evil and stupid?"


def test_ask_never_imports_discord_aiohttp_or_trafilatura():
    code = ("import io, sys; from bot.cli import main; "
            f"status = main(['ask', {QUESTION!r}], stdout=io.StringIO()); "
            "print(json.dumps([status, sorted({m.split('.')[0] for m in sys.modules} "
            "& {'discord', 'aiohttp', 'trafilatura', 'lxml'})]))")
    run = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, cwd=ROOT,
                         timeout=60, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [0, []]


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    import io

    from bot.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_the_terminal_gets_readable_text_and_markdown_is_behind_a_flag():
    status, out, err = run("ask", QUESTION)
    assert status == 0 and err == ""
    assert "The “evil and stupid policies of the United States” are the root cause" in out
    assert "— ¶5 · Ali Hatami" in out
    assert not any(mark in out for mark in ("**", "\\", "-# ", "\n> ")), out
    _, markdown, _ = run("ask", "--markdown", QUESTION)
    assert "**evil** and **stupid policies**" in markdown and "\n-# Iran, Pakistan" in markdown
    _, as_json, _ = run("ask", "--json", QUESTION)
    assert json.loads(as_json)["answer"] + "\n" == markdown


def test_chat_shows_readable_text_too():
    _, out, _ = run("chat", stdin="What did Raj say about China?\nwhat did he say?\n")
    assert out.count("— comment #3 by Raj") == 2 and "**" not in out
    _, markdown, _ = run("chat", "--markdown", stdin="What did Raj say about China?\n")
    assert "— comment #3 by Raj" in markdown and "**China**" in markdown


def test_control_characters_from_an_article_never_reach_the_terminal(tmp_path):
    article = tmp_path / "a.yaml"
    article.write_text('title: "Cranes \\e[2J idle"\nparagraphs:\n  - "The harbour master said the cranes were '
                       'idle \\e]0;pwned\\a and \\u202eesrever."\n')
    status, out, _ = run("ask", "--article", str(article), "What did the harbour master say about cranes?")
    assert status == 0 and "cranes were idle" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_config_is_accepted_after_the_subcommand_too(tmp_path):
    settings = tmp_path / "s.yaml"
    settings.write_text(f"articles:\n  a:\n    path: {ROOT / 'tests/bot/articles/bot-harbour.yaml'}\n")
    after = run("ask", "--config", str(settings), "How many comments are there?")
    before = run("--config", str(settings), "ask", "How many comments are there?")
    shipped = run("ask", "How many comments are there?")
    assert after == before and after[0] == 0 and after[1] != shipped[1]
    status, _, err = run("passages", "--config", str(tmp_path / "missing.yaml"))
    assert status == 4 and "missing.yaml: no such settings file" in err


def test_bytes_that_are_not_utf8_on_stdin_become_replacement_characters():
    run_ = subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], input=b"Who is Raj\xff\xfe?\n",
                          capture_output=True, cwd=ROOT, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert run_.returncode == 0, run_.stderr
    data = json.loads(run_.stdout.decode("utf-8"))  # strict: the output is valid UTF-8
    assert data["question"] == "Who is Raj\ufffd\ufffd?"
    plain = subprocess.run([sys.executable, "-m", "bot", "ask"], input=b"Who is \xffRaj?\n", capture_output=True,
                           cwd=ROOT, timeout=60, env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": ""})
    assert plain.returncode == 0, plain.stderr
    plain.stdout.decode("utf-8")


def test_an_endless_line_on_stdin_is_read_in_bounded_pieces():
    from bot.cli import MAX_LINE_CHARS

    _, out, _ = run("ask", "--json", stdin="x" * (5 * MAX_LINE_CHARS) + "\nWho is Raj?\n")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["kind"] == "invalid" and len(first["question"]) <= MAX_LINE_CHARS
    assert second["question"] == "Who is Raj?" and second["passages"][0]["author"] == "Raj"


def test_chat_at_a_terminal_has_line_editing_and_history():
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI on a real terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "bot", "chat"], {**os.environ, "TERM": "dumb",
                                                                             "NO_COLOR": "1"})
    seen = b""

    def until(needle: bytes, count: int = 1) -> None:
        # One deadline for the whole wait, and EOF ends it: a pty that reads b"" after the child
        # exits would otherwise keep select() ready and spin forever.
        nonlocal seen
        deadline = time.monotonic() + 30
        while seen.count(needle) < count:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            assert ready, seen.decode(errors="replace")[-500:]
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            assert chunk, "chat closed its terminal early: " + seen.decode(errors="replace")[-500:]
            seen += chunk

    try:
        until(b"> ")
        os.write(fd, b"What did Raj say about Chinx\x7fa?\r")  # a typo, erased with backspace
        until("— comment #3 by Raj".encode(), 1)
        until(b"> ", 2)
        os.write(fd, b"\x1b[A\r")  # up arrow: the same question again, from the history
        until("— comment #3 by Raj".encode(), 2)
        until(b"> ", 3)  # readline has the terminal again (keys sent before then may be flushed)
        os.write(fd, b"\x04")  # Ctrl-D leaves
        for _ in range(300):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        assert done, "chat did not leave on Ctrl-D"
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)


def test_a_question_argument_that_is_not_utf8_becomes_replacement_characters():
    run_ = subprocess.run([os.fsencode(sys.executable), b"-m", b"bot", b"ask", b"--json", b"Who is Raj\xff?"],
                          capture_output=True, cwd=ROOT, timeout=60)
    assert run_.returncode == 0, run_.stderr
    assert json.loads(run_.stdout.decode("utf-8"))["question"] == "Who is Raj\ufffd?"
