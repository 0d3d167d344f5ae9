"""One HTTP request with httpx: timeouts, the project's User-Agent, a capped body, and a reason for every failure."""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from dataclasses import dataclass

import httpx

from .settings import FetchSettings


class FetchError(Exception):
    """A request that brought no usable answer, and why; `retry_after` when the server said when to come back."""

    def __init__(self, reason: str, *, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass(frozen=True)
class Answer:
    """What a server sent for one request (redirects not followed), the body read whole but capped."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def mimetype(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    def retry_after(self, now: dt.datetime | None = None) -> float | None:
        """Seconds the server asked to wait (Retry-After as seconds or as an HTTP date), if it said."""
        return parse_retry_after(self.headers.get("retry-after"), now)


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class HttpClient:
    """An httpx client that follows no redirects (the agent does, checking each hop) and reads at most max_bytes."""

    def __init__(self, settings: FetchSettings, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
            transport=transport,
            trust_env=settings.trust_env,
        )

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Answer:
        """GET `url` once; raises FetchError for a timeout, a broken connection or a body over the cap."""
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                body = self._read(response)
                return Answer(str(response.url), response.status_code, response.headers, body)
        except httpx.TimeoutException:
            raise FetchError(f"timeout after {self.settings.timeout:g} s") from None
        except httpx.ConnectError as error:
            raise FetchError(f"cannot connect: {error}") from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
            raise FetchError(f"connection broken: {error or type(error).__name__}") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
            raise FetchError(f"bad address: {error}") from None
        except httpx.HTTPError as error:
            raise FetchError(f"{type(error).__name__}: {error}") from None

    def _read(self, response: httpx.Response) -> bytes:
        """The body, refused past max_bytes (declared or received) or past total_timeout.

        Read even for a redirect or a 304 (it is small or empty), so the connection can be kept alive.
        """
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large: {declared} bytes, the limit is {limit}")
        deadline = time.monotonic() + self.settings.total_timeout
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"too large: more than {limit} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"too slow: the answer took more than {self.settings.total_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)
