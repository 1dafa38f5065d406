"""The CLI harness: real article, real answers, the JSON contract and one-line errors."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.cli import ExitStatus, build_parser, main
from tests.conftest import DATA, ROOT


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_ask_prints_the_answer_with_citation_and_speaker():
    status, out, err = run("ask", "--markdown", "Who called US policies evil and stupid?")
    assert status == ExitStatus.OK and err == ""
    assert "¶5" in out
    assert "**evil** and **stupid policies** of the **United States**" in out
    assert "Iran, Pakistan discuss defense ties amid US threats" in out


def test_ask_json_contract():
    status, out, _ = run("ask", "--json", "What did Raj say about China?")
    data = json.loads(out)
    assert {"question", "kind", "no_answer", "speaker", "answer", "passages"} <= set(data)
    assert (data["question"], data["kind"], data["no_answer"], data["speaker"]) == (
        "What did Raj say about China?", "what_said", False, "Raj")
    passage = data["passages"][0]
    assert {"id", "kind", "speaker", "text", "score"} <= set(passage)
    assert (passage["id"], passage["kind"], passage["speaker"]) == ("c3", "comment", "Raj")
    assert passage["text"].startswith("Quite natural for Iran")
    assert isinstance(passage["score"], float) and passage["score"] > 0
    status2, text, _ = run("ask", "--markdown", "What did Raj say about China?")
    assert data["answer"] + "\n" == text  # the JSON carries exactly what would be posted


def test_questions_from_stdin_one_json_object_a_line():
    status, out, _ = run("ask", "--json", stdin="What is the capital of France?\n\nWho criticised Trump's tweets?\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["question"] for d in lines] == ["What is the capital of France?", "Who criticised Trump's tweets?"]
    assert lines[0]["no_answer"] is True and lines[0]["passages"] == []
    assert lines[1]["passages"][0]["id"] == "p8"


def test_passages_json_lists_the_parsed_article():
    status, out, _ = run("passages", "--json")
    data = json.loads(out)
    assert (data["title"], data["published"]) == ("Iran, Pakistan discuss defense ties amid US threats", "2018-01-05")
    ids = [p["id"] for p in data["passages"]]
    assert ids == [f"p{n}" for n in range(1, 10)] + [f"c{n}" for n in range(1, 6)]
    reply = data["passages"][-1]
    assert (reply["kind"], reply["author"], reply["speaker"], reply["reply_to"]) == (
        "comment", "cuban", "cuban", "Meraj shahab")
    assert reply["posted"] == "2018-01-05T23:26:00"
    assert all(set(p) >= {"id", "kind", "speaker", "author", "posted", "reply_to", "text"} for p in data["passages"])


def test_passages_json_gives_each_paragraph_its_quote_spans():
    status, out, _ = run("passages", "--json")
    by_id = {p["id"]: p for p in json.loads(out)["passages"]}
    (span,) = by_id["p4"]["quotes"]
    assert (span["speaker"], span["cue"], span["kind"]) == ("Ali Hatami", "said", "speech")
    assert span["text"].startswith("The Americans always blame the others")
    assert by_id["p4"]["text"][span["start"]:span["end"]] == span["text"]
    assert by_id["c1"]["quotes"] == []  # comments speak for their author as a whole


def test_article_option_takes_yaml_and_scraped_files():
    status, out, err = run("ask", "--article", str(DATA / "council-vote.yaml"), "--json", "What about potholes?")
    assert status == 0, err
    assert json.loads(out)["passages"][0]["id"] == "c2"
    status, out, err = run("passages", "--article", str(DATA / "school-fees.txt"))
    assert status == 0
    assert "counts 4 comments but shows 3" in err and err.startswith("articlebot: warning: ")


def test_chat_keeps_follow_up_context():
    status, out, _ = run("chat", stdin="What did Raj say about China?\nwhat did he say?\nquit\n")
    assert status == 0
    assert out.count("comment #3 by Raj") == 2  # "he" is Raj


@pytest.mark.parametrize("argv, status, words", [
    (["ask", "--article", "/no/such/file.txt", "hi"], ExitStatus.BAD_ARTICLE, "/no/such/file.txt: no such file"),
    (["--config", "/no/such.yaml", "ask", "hi"], ExitStatus.BAD_SETTINGS, "no such settings file"),
])
def test_errors_are_one_line_on_stderr(argv, status, words):
    code, out, err = run(*argv)
    assert code == status and out == ""
    assert err.count("\n") == 1 and words in err and err.startswith("articlebot: error: ")


def test_malformed_article_names_the_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Title\n\nPublished: May 1, 2020\n\nText here.\n\nReader Comments (1)\n\n  • Ann\n\n    Hi.\n")
    code, _, err = run("ask", "--article", str(bad), "x")
    assert code == ExitStatus.BAD_ARTICLE
    assert f"{bad}:11:" in err and "date line" in err and "Traceback" not in err


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= {"ask", "passages", "chat"}
    for name, command in sub.choices.items():
        assert command.description or command.format_help(), name
        for action in command._actions:
            assert action.help, f"{name} {action.dest} has no help"


def test_console_script_and_module_agree():
    question = "What did Raj say about China?"
    module = subprocess.run([sys.executable, "-m", "bot", "ask", question], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert module.returncode == 0, module.stderr
    assert module.stdout == run("ask", question)[1]
    failing = subprocess.run([sys.executable, "-m", "bot", "ask", "--article", "/nope", "x"],
                             capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert failing.returncode == ExitStatus.BAD_ARTICLE and failing.stderr.count("\n") == 1
