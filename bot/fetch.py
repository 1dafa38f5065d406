"""A link -> the page's bytes, without letting a member turn the bot against the machine it runs on.

Why aiohttp: discord.py already runs on it (one HTTP stack, one event loop), and its connector takes a
resolver of our own, which is what closes DNS rebinding: the resolver looks the host up once, refuses
any address that is not public, and hands the connector exactly the addresses it checked, so the
connection goes to an IP we approved and a second lookup can never switch it.

Rules: http and https only; every address the host resolves to must be public (no loopback, private,
carrier-grade NAT, link-local or cloud-metadata, multicast, reserved, unspecified, IPv6 unique-local or
site-local, nor an IPv6 form carrying one of those IPv4 addresses: mapped, 6to4, Teredo, NAT64); at most
5 redirects, each checked again from the start; 10 seconds in all; 5 MB read with a hard cap while
streaming; text/html, application/xhtml+xml or text/plain only. Every refusal is one plain sentence
for the user (``FetchError``).

Tests reach a local aiohttp server on 127.0.0.1 through ``Fetcher(testing_loopback_port=PORT)``: a
constructor argument only the tests pass (the settings have no such key), allowing that one loopback
port and nothing else.
"""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from typing import Awaitable, Callable

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 10.0
CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
USER_AGENT = "articlebot/0.1 (reads one news page when a member shares it)"

NOT_A_LINK = "That doesn't look like a web address; send a link starting with https://."
SCHEME = "I only read http:// and https:// links."
LOOPBACK = "That link points to the machine I run on; I only read public pages."
PRIVATE = "That link points inside a private network; I only read public pages."
LINK_LOCAL = "That link points to a link-local or cloud metadata address; I only read public pages."
NOT_PUBLIC = "That link points to an address that isn't a public web server; I only read public pages."
NO_HOST = "I couldn't find that website; check the link."
NO_CONNECT = "I couldn't connect to that website; it may be down."
TOO_MANY_REDIRECTS = f"That link redirects more than {MAX_REDIRECTS} times; send the page's own address."
TOO_SLOW = f"That page took longer than {TIMEOUT_SECONDS:.0f} seconds to load; please try again later."
TOO_BIG = f"That page is larger than {MAX_BYTES // (1024 * 1024)} MB; I only read pages up to that size."
NOT_A_PAGE = "That link isn't a web page (it sent {kind}); I read HTML and plain-text pages."
HTTP_ERROR = "That website answered with an error (HTTP {status}); check the link."


class FetchError(Exception):
    """A link the bot won't or can't read; ``str()`` is the sentence to show the user."""


@dataclass(frozen=True)
class Page:
    url: str  # where the page was finally read from, after redirects
    data: bytes
    content_type: str
    charset: str | None


def refusal(address: str) -> str | None:
    """Why this IP address must not be fetched from, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return refusal(str(embedded)) or (NOT_PUBLIC if not ip.is_global and not ip.ipv4_mapped else None)
        if ip.is_site_local:
            return PRIVATE
    if ip.is_loopback:
        return LOOPBACK
    if ip.is_link_local:  # 169.254.0.0/16 holds the cloud metadata address 169.254.169.254
        return LINK_LOCAL
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return NOT_PUBLIC
    if ip.is_private:  # 10/8, 172.16/12, 192.168/16, fc00::/7 (unique-local), and others not for the internet
        return PRIVATE
    if not ip.is_global:  # 100.64/10 (carrier-grade NAT, where some clouds keep metadata) and the rest
        return NOT_PUBLIC
    return None


Lookup = Callable[[str, int], Awaitable[list[str]]]


async def system_lookup(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(NO_HOST) from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


class _CheckedResolver(AbstractResolver):
    """Looks a host up once, refuses it unless every address is public, returns the addresses checked."""

    def __init__(self, lookup: Lookup, loopback_port: int | None) -> None:
        self.lookup = lookup
        self.loopback_port = loopback_port

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
                      ) -> list[ResolveResult]:
        addresses = await self.lookup(host, port)
        if not addresses:
            raise FetchError(NO_HOST)
        for address in addresses:
            _check(address, port, self.loopback_port)
        return [{"hostname": host, "host": a.split("%", 1)[0], "port": port,
                 "family": socket.AF_INET6 if ":" in a else socket.AF_INET, "proto": 0,
                 "flags": socket.AI_NUMERICHOST} for a in addresses]

    async def close(self) -> None:
        return None


def _check(address: str, port: int, loopback_port: int | None) -> None:
    reason = refusal(address)
    if reason is None:
        return
    if loopback_port is not None and port == loopback_port and address == "127.0.0.1":
        return  # the tests' own server; see the module docstring
    raise FetchError(reason)


def check_url(url: str, loopback_port: int | None = None) -> URL:
    """The parsed URL, when its scheme is http(s) and a literal IP host is public."""
    try:
        parsed = URL(url.strip())
    except (ValueError, TypeError) as exc:
        raise FetchError(NOT_A_LINK) from exc
    if parsed.scheme.lower() not in {"http", "https"}:
        raise FetchError(SCHEME if parsed.scheme else NOT_A_LINK)
    if not parsed.host:
        raise FetchError(NOT_A_LINK)
    try:
        ipaddress.ip_address(parsed.host.split("%", 1)[0])
    except ValueError:
        return parsed  # a name: the resolver checks what it resolves to
    _check(parsed.host, parsed.explicit_port or parsed.port or 0, loopback_port)
    return parsed


class Fetcher:
    """Reads public web pages. One session for the bot's lifetime; ``close()`` at shutdown."""

    def __init__(self, *, lookup: Lookup = system_lookup, timeout: float = TIMEOUT_SECONDS,
                 testing_loopback_port: int | None = None) -> None:
        self._lookup = lookup
        self._timeout = timeout
        self._loopback_port = testing_loopback_port
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(resolver=_CheckedResolver(self._lookup, self._loopback_port),
                                             use_dns_cache=False, limit=8,
                                             force_close=True)  # one page a link: nothing to reuse
            self._session = aiohttp.ClientSession(
                connector=connector, trust_env=False,  # never through a proxy the environment names
                headers={"User-Agent": USER_AGENT,
                         "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"})
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def fetch(self, url: str) -> Page:
        """The page at ``url``, or FetchError with the sentence to show."""
        try:
            async with asyncio.timeout(self._timeout):
                return await self._follow(url)
        except TimeoutError as exc:
            raise FetchError(TOO_SLOW) from exc

    async def _follow(self, url: str) -> Page:
        session = self._open()
        target = check_url(url, self._loopback_port)
        for _ in range(MAX_REDIRECTS + 1):
            try:
                async with session.get(target, allow_redirects=False, auto_decompress=True) as response:
                    if response.status in (301, 302, 303, 307, 308) and "Location" in response.headers:
                        target = check_url(str(target.join(URL(response.headers["Location"]))), self._loopback_port)
                        continue
                    return await self._read(response)
            except FetchError:
                raise
            except aiohttp.ClientConnectorDNSError as exc:
                raise FetchError(NO_HOST) from exc
            except aiohttp.InvalidURL as exc:
                raise FetchError(NOT_A_LINK) from exc
            except (aiohttp.ClientError, OSError) as exc:
                cause = exc.__cause__ or exc.__context__
                if isinstance(cause, FetchError):
                    raise cause from exc
                raise FetchError(NO_CONNECT) from exc
        raise FetchError(TOO_MANY_REDIRECTS)

    async def _read(self, response: aiohttp.ClientResponse) -> Page:
        if response.status >= 400:
            raise FetchError(HTTP_ERROR.format(status=response.status))
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind not in CONTENT_TYPES:
            raise FetchError(NOT_A_PAGE.format(kind=kind or "no content type"))
        if (response.content_length or 0) > MAX_BYTES:
            raise FetchError(TOO_BIG)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(64 * 1024):
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError(TOO_BIG)
            chunks.append(chunk)
        return Page(url=str(response.url), data=b"".join(chunks), content_type=kind, charset=response.charset)
