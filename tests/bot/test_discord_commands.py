"""The slash commands, end to end through discord.py with Discord's servers faked at the HTTP edge."""
from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from fakediscord import (ALICE, BOB, BOT_ID, GUILD_ID, NO_EMBEDS, FakeDiscord, P,
                         feed_interaction, feed_message, in_guild, logged_in, settle)

from bot.discord_app import create_bot
from bot.user_errors import SORRY
from bot.render import render, to_messages

pytestmark = pytest.mark.asyncio

COMMANDS = {"ask", "who", "quotes", "article", "help"}


def callbacks(fake: FakeDiscord):
    return [r.json for r in fake.sent("POST", "/callback")]


def followups(fake: FakeDiscord):
    return [r.json for r in fake.requests if r.method == "POST" and r.path.startswith("/webhooks/")]



async def ask(bot, fake, command="ask", **options):
    fake.clear()
    feed_interaction(bot, command, options)
    await settle()
    return callbacks(fake), followups(fake)


# -- the synced schema ----------------------------------------------------------------------------
async def test_login_runs_setup_hook_and_syncs_the_commands_to_the_test_guild(one_article):
    fake = FakeDiscord()
    async with logged_in(create_bot(*one_article), fake):
        pass
    assert [(r.method, r.path) for r in fake.requests] == [
        ("GET", "/users/@me"), ("GET", "/oauth2/applications/@me"),
        ("PUT", f"/applications/{BOT_ID}/guilds/{GUILD_ID}/commands"),
    ]
    schema = {c["name"]: c for c in fake.requests[-1].json}
    assert set(schema) == COMMANDS
    for command in schema.values():
        assert command["type"] == 1 and 10 <= len(command["description"]) <= 100
        for opt in command.get("options", []):
            assert opt["description"] and len(opt["description"]) <= 100
            assert opt["name"] not in ("article", "make_default")  # one article: no article option
    assert [(o["name"], o["type"], o["required"]) for o in schema["ask"]["options"]] == [
        ("question", 3, True), ("private", 5, False)]
    assert [(o["name"], o.get("autocomplete", False)) for o in schema["quotes"]["options"]] == [
        ("speaker", True), ("about", False)]
    assert schema["who"]["options"][0]["name"] == "said" and not schema["who"]["options"][0]["required"]
    assert schema["ask"]["description"].startswith("Ask about the article")
    assert "options" not in schema["help"] or schema["help"]["options"] == []
    group = {o["name"]: o for o in schema["article"]["options"]}
    assert set(group) == {"show", "add", "list", "remove"} and all(o["type"] == 1 for o in group.values())
    assert group["show"].get("options", []) == []  # one article, no library: nothing to choose
    assert [(o["name"], o["type"], o.get("required", False)) for o in group["add"]["options"]] == [
        ("url", 3, False), ("file", 11, False)]


async def test_several_articles_add_an_article_option_with_autocomplete(two_articles):
    fake = FakeDiscord()
    async with logged_in(create_bot(*two_articles), fake):
        pass
    schema = {c["name"]: c for c in fake.requests[-1].json}
    show = next(o for o in schema["article"]["options"] if o["name"] == "show")
    for options in (schema["ask"]["options"], schema["who"]["options"], schema["quotes"]["options"], show["options"]):
        (article,) = [o for o in options if o["name"] == "article"]
        assert article["autocomplete"] is True and article["required"] is False
    assert any(o["name"] == "make_default" for o in show["options"])


async def test_without_a_test_guild_nothing_is_synced_at_start(one_article):
    settings, library = one_article
    settings = replace(settings, discord=replace(settings.discord, test_guild=None))
    fake = FakeDiscord()
    async with logged_in(create_bot(settings, library), fake) as bot:
        assert [r.path for r in fake.requests] == ["/users/@me", "/oauth2/applications/@me"]
        synced = await bot.sync_commands()  # what `articlebot sync` does
    assert fake.requests[-1].method == "PUT" and fake.requests[-1].path == f"/applications/{BOT_ID}/commands"
    assert {c.name for c in synced} == COMMANDS


# -- /ask --------------------------------------------------------------------------------------------
async def test_ask_defers_publicly_then_follows_up_with_the_answer_embed(bot, fake):
    cbs, fus = await ask(bot, fake, question="Who called US policies evil and stupid?")
    assert cbs == [{"type": 5}]  # deferred, public: no flags
    (fu,) = fus
    assert fu["allowed_mentions"] == {"parse": []}
    assert fu.get("flags", 0) & 64 == 0
    (embed,) = fu["embeds"]
    assert "Hatami" in embed["title"] and "¶5" in embed["description"]
    assert embed["fields"][0]["name"].startswith("¶5")
    assert "**evil**" in embed["fields"][0]["value"]
    assert embed["footer"]["text"].startswith("Iran, Pakistan discuss defense ties amid US threats")
    webhook = fake.requests[-1]
    assert webhook.params == {"wait": 1, "with_components": 0}


async def test_ask_privately_defers_and_follows_up_ephemeral(bot, fake):
    cbs, fus = await ask(bot, fake, question="What did Raj say about China?", private=True)
    assert cbs == [{"type": 5, "data": {"flags": 64}}]
    (fu,) = fus
    assert fu["flags"] == 64
    assert fu["embeds"][0]["fields"][0]["name"].startswith("comment #3 by Raj")


async def test_ask_without_embed_links_falls_back_to_the_plain_text_the_cli_prints(bot, fake, one_article):
    fake.clear()
    feed_interaction(bot, "ask", {"question": "What did Raj say about China?"}, app_permissions=NO_EMBEDS)
    await settle()
    (fu,) = followups(fake)
    assert "embeds" not in fu or not fu["embeds"]
    answerer = one_article[1].get()
    expected = to_messages(render(answerer.ask("What did Raj say about China?"), answerer.article))
    assert [fu["content"]] == expected
    assert "comment #3 by Raj" in fu["content"]


@pytest.mark.parametrize("question, lead", [
    ("   ", "Ask me a question about the article"),
    ("why " * 120, "too long"),
])
async def test_empty_and_overlong_questions_get_a_polite_answer(bot, fake, question, lead):
    cbs, fus = await ask(bot, fake, question=question)
    assert cbs == [{"type": 5}]
    (fu,) = fus
    assert lead in fu["embeds"][0]["description"]
    assert "fields" not in fu["embeds"][0] or fu["embeds"][0]["fields"] == []


# -- /who, /quotes, /article, /help ------------------------------------------------------------------
async def test_who_finds_the_speaker_and_citation(bot, fake):
    cbs, fus = await ask(bot, fake, "who", said="evil and stupid policies of the United States")
    assert cbs == [{"type": 5}]
    embed = fus[0]["embeds"][0]
    assert "Hatami" in embed["title"] and embed["fields"][0]["name"].startswith("¶5")


async def test_quotes_lists_what_a_commenter_said_about_a_topic(bot, fake):
    cbs, fus = await ask(bot, fake, "quotes", speaker="Raj", about="China")
    embed = fus[0]["embeds"][0]
    assert embed["title"] == "Raj"
    assert [f["name"].split(" by ")[0] for f in embed["fields"]] == ["comment #3"]
    assert "**China**" in embed["fields"][0]["value"]


async def test_quotes_speaker_autocomplete_is_fuzzy_and_at_most_25(bot, fake):
    fake.clear()
    feed_interaction(bot, "quotes", {"speaker": "ra"}, focused="speaker")
    await settle()
    ((cb,),) = [[r.json for r in fake.sent("POST", "/callback")]]
    assert cb["type"] == 8
    values = [c["value"] for c in cb["data"]["choices"]]
    assert values[0] == "Raj" and "Meraj shahab" in values
    assert all(len(c["name"]) <= 100 for c in cb["data"]["choices"])
    assert "Raj — commenter" in [c["name"] for c in cb["data"]["choices"]]

    fake.clear()
    feed_interaction(bot, "quotes", {"speaker": ""}, focused="speaker")
    await settle()
    choices = fake.requests[-1].json["data"]["choices"]
    everyone = [p.name for p in bot.library.get().speakers()]
    assert [c["value"] for c in choices] == everyone[:25]


async def test_article_shows_date_counts_and_who_is_quoted(bot, fake):
    cbs, fus = await ask(bot, fake, "article show")
    assert cbs == [{"type": 5}]
    embed = fus[0]["embeds"][0]
    assert embed["title"] == "Iran, Pakistan discuss defense ties amid US threats"
    assert "January 5, 2018" in embed["description"] and "5 reader comments" in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Hatami" in fields["Quoted in the story"] and "Raj" in fields["Commenters"]


async def test_help_answers_privately_at_once(bot, fake):
    cbs, fus = await ask(bot, fake, "help")
    ((cb,), []) = (cbs, fus)
    assert cb["type"] == 4 and cb["data"]["flags"] == 64
    assert cb["data"]["allowed_mentions"] == {"parse": []}
    for example in ("/ask", "/who", "/quotes", "/article", "what else did he say?"):
        assert example in cb["data"]["content"]


# -- several articles ----------------------------------------------------------------------------------
async def test_article_option_autocompletes_and_picks_the_article(multi_bot, fake):
    feed_interaction(multi_bot, "ask", {"question": "", "article": "harb"}, focused="article")
    await settle()
    cb = fake.requests[-1].json
    assert cb["type"] == 8 and cb["data"]["choices"] == [
        {"name": "Port strike ends after talks (harbour)", "value": "harbour"}]

    cbs, fus = await ask(multi_bot, fake, question="Who said the cranes would run again on Monday?",
                         article="harbour")
    embed = fus[0]["embeds"][0]
    field = embed["fields"][0]
    assert field["name"].startswith("¶2")
    assert embed["footer"]["text"] == "Port strike ends after talks · March 2, 2024 · https://example.com/news/port-strike"
    assert "[↗ read it in the article](https://example.com/news/port-strike#:~:text=" in field["value"]


def told_privately(fake: FakeDiscord) -> str:
    """The deferral came first; then the public "thinking…" message was taken away and the user alone told."""
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in fake.requests][:2] == [("POST", "callback"),
                                                                              ("DELETE", "@original")]
    assert callbacks(fake) == [{"type": 5}]
    (fu,) = followups(fake)
    assert fu["flags"] == 64
    return fu["content"]


async def test_an_unknown_article_is_told_privately(multi_bot, fake):
    await ask(multi_bot, fake, question="Who said it?", article="nope")
    text = told_privately(fake)
    assert "nope" in text and "harbour" in text


async def test_a_server_sets_its_default_article(multi_bot, fake):
    feed_interaction(multi_bot, "article show", {"article": "harbour", "make_default": True},
                     member_permissions=P(manage_guild=True))
    await settle()
    assert followups(fake)[-1] == {"content": "This server's default article is now “harbour”.", "tts": False,
                                   "allowed_mentions": {"parse": []}, "flags": 64}
    cbs, fus = await ask(multi_bot, fake, question="Who said the strike is over?")
    assert fus[0]["embeds"][0]["footer"]["text"].startswith("Port strike ends after talks")


async def test_setting_the_default_needs_manage_server(multi_bot, fake):
    await ask(multi_bot, fake, "article show", article="harbour", make_default=True)
    assert "Manage Server" in told_privately(fake)
    assert multi_bot.guild_defaults.get(GUILD_ID) is None


# -- manners: cooldown and errors ------------------------------------------------------------------------
async def test_cooldown_per_user_answers_politely_and_privately(one_article):
    settings, library = one_article
    settings = replace(settings, discord=replace(settings.discord, cooldown_rate=2))
    fake = FakeDiscord()
    async with in_guild(create_bot(settings, library), fake) as bot:
        for _ in range(3):
            feed_interaction(bot, "ask", {"question": "Who is Raj?"})
            await settle()
        feed_interaction(bot, "who", {"said": "evil"})  # the same cooldown across commands
        await settle()
        feed_interaction(bot, "ask", {"question": "Who is Raj?"}, author=BOB)  # per user
        await settle()
    types = [(c["type"], c.get("data", {}).get("flags")) for c in callbacks(fake)]
    assert types == [(5, None), (5, None), (4, 64), (4, 64), (5, None)]
    refusal = callbacks(fake)[2]["data"]["content"]
    assert refusal.startswith("You're asking quickly: please wait") and "seconds" in refusal


async def test_a_crash_after_deferral_tells_the_user_privately_and_logs_the_traceback(bot, fake, caplog,
                                                                                     monkeypatch):
    answerer = bot.library.get()

    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(answerer, "ask", broken)
    with caplog.at_level(logging.ERROR):
        cbs, _ = await ask(bot, fake, question="Who called US policies evil and stupid?")
    assert cbs == [{"type": 5}]
    # the public "thinking…" message is taken away, then the user alone is told
    assert [(r.method, r.path.split("/")[-1]) for r in fake.requests[1:]] == [
        ("DELETE", "@original"), ("POST", fake.requests[1].path.split("/")[3])]
    assert fake.requests[-1].json == {"content": SORRY, "tts": False, "flags": 64, "allowed_mentions": {"parse": []}}
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info and "index exploded" in str(record.exc_info[1])
    assert "/ask failed" in record.getMessage()


async def test_a_crash_in_a_private_answer_follows_up_privately(bot, fake, monkeypatch):
    monkeypatch.setattr(bot.library.get(), "ask", lambda *a, **k: 1 / 0)
    cbs, fus = await ask(bot, fake, question="Who is Raj?", private=True)
    assert cbs == [{"type": 5, "data": {"flags": 64}}]
    assert fus == [{"content": SORRY, "tts": False, "flags": 64, "allowed_mentions": {"parse": []}}]
    assert not fake.sent("DELETE")


async def test_commands_work_in_direct_messages(bot, fake):
    fake.clear()
    feed_interaction(bot, "ask", {"question": "What did Raj say about China?"}, guild_id=None)
    await settle()
    assert followups(fake)[0]["embeds"][0]["fields"][0]["name"].startswith("comment #3")


async def test_every_article_is_scored_off_the_event_loop_however_small(bot, fake, monkeypatch):
    import threading
    answerer = bot.library.get()
    real, threads = answerer.ask, []

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(answerer, "ask", spy)
    await ask(bot, fake, question="Who called US policies evil and stupid?")
    feed_message(bot, f"<@{BOT_ID}> Who is Raj?")
    await settle()
    assert len(answerer.article.passages) < 20 and len(threads) == 2
    assert all(t is not threading.main_thread() and t.name.startswith("articlebot-worker") for t in threads)
    assert followups(fake)[0]["embeds"][0]["fields"][0]["name"].startswith("¶5")


async def test_the_answer_author_line_is_never_a_ping(bot, fake):
    cbs, fus = await ask(bot, fake, question="Who is Raj?")
    assert all(f["allowed_mentions"] == {"parse": []} for f in fus)
    assert ALICE["id"] not in str(fus)


async def test_a_long_slash_answer_goes_on_in_further_follow_ups_each_within_the_limits(multi_bot, fake):
    # Plain text (no Embed Links): six long quotes are more than one 2000-character message holds.
    fake.clear()
    feed_interaction(multi_bot, "quotes", {"speaker": "Verbose", "article": "harbour"}, app_permissions=NO_EMBEDS)
    await settle()
    cbs, fus = callbacks(fake), followups(fake)
    assert cbs == [{"type": 5}] and len(fus) >= 2
    assert all(len(fu["content"]) <= 2000 and fu["allowed_mentions"] == {"parse": []} for fu in fus)
    answer = multi_bot.library.get("harbour").ask("What did Verbose say?")
    sent = "\n\n".join(fu["content"] for fu in fus)
    cited = [line.split(" by ")[0].removeprefix("— ").lstrip("[") for line in sent.splitlines() if line.startswith("— ")]
    assert cited == [q.citation for q in answer.quotes]  # every quote, in order, none cut in two
    assert "-# Port strike ends after talks" in fus[-1]["content"] and "-# " not in fus[0]["content"]


