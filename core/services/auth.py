"""Sign-in for the API: argon2-checked passwords, opaque bearer tokens, throttled failures.

A token is 32 random bytes shown once; only its sha256 is stored, so a copy of the database
signs nobody in. Failed attempts are recorded and, past a limit within a window, refused until
the window passes:

* per username *and* address (5): a guesser is stopped without locking the real user out from
  their own address — nobody can keep another person out by failing in their name;
* per address (20), whatever the usernames;
* per username over all addresses (50), except from an address this user signed in from in the
  last 30 days: guessing spread over many addresses is bounded too.

Keys are bounded (usernames longer than 64 characters are refused at the boundary), and the
address is the connection's peer — forwarded headers count only from configured proxies
(``zhifa serve --forwarded-allow-ips``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time

from zhifa.core import clock
from zhifa.core.db.tables import ApiToken, AppUser, LoginAttempt
from zhifa.core.schemas.auth import Principal, TokenRead
from zhifa.core.services.errors import Throttled, Unauthenticated
from zhifa.core.services.people import hash_password, verify_password

TOKEN_LIFETIME = dt.timedelta(hours=12)
THROTTLE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5  # per username and address
MAX_FAILURES_PER_REMOTE = 20
MAX_FAILURES_PER_USERNAME = 50  # over all addresses, but never from an address the user signed in from
KNOWN_ADDRESS_DAYS = 30
#: How long a resolved token is trusted in this process before the database is asked again.
CACHE_SECONDS = 30.0

_cache: dict[str, tuple[float, Principal]] = {}
_dummy_hash: str | None = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def _failures(where, since: dt.datetime) -> int:
    return await LoginAttempt.count().where(
        where & (LoginAttempt.succeeded == False) & (LoginAttempt.at >= since)  # noqa: E712
    )


async def _throttle(username: str, remote: str, now: dt.datetime) -> None:
    since, retry = now - THROTTLE_WINDOW, int(THROTTLE_WINDOW.total_seconds())
    user, address = LoginAttempt.username == username, LoginAttempt.remote == remote
    if await _failures(user & address, since) >= MAX_FAILURES_PER_USER:
        raise Throttled("auth.throttled", f"该用户名登录失败次数过多，请 {retry // 60} 分钟后再试", retry)
    if remote and await _failures(address, since) >= MAX_FAILURES_PER_REMOTE:
        raise Throttled("auth.throttled", f"该地址登录失败次数过多，请 {retry // 60} 分钟后再试", retry)
    if await _failures(user, since) >= MAX_FAILURES_PER_USERNAME:
        known = await LoginAttempt.exists().where(
            user & address & (LoginAttempt.succeeded == True)  # noqa: E712
            & (LoginAttempt.at >= now - dt.timedelta(days=KNOWN_ADDRESS_DAYS)))
        if not known:
            raise Throttled("auth.throttled", f"该用户名登录失败次数过多，请 {retry // 60} 分钟后再试", retry)


async def login(username: str, password: str, remote: str = "") -> TokenRead:
    now = clock.now_utc()
    username, remote = username[:64], remote[:64]  # the boundary refuses longer ones; keys stay bounded
    await _throttle(username, remote, now)

    user = await AppUser.select(
        AppUser.id, AppUser.username, AppUser.password_hash, AppUser.active, AppUser.roles,
        AppUser.township.code.as_alias("township_code"),
    ).where(AppUser.username == username).output(load_json=True).first()
    if user is None:
        global _dummy_hash
        _dummy_hash = _dummy_hash or hash_password(secrets.token_hex(8))
        verify_password(_dummy_hash, password)  # same cost whether or not the user exists
    ok = user is not None and user["active"] and verify_password(user["password_hash"], password)
    await LoginAttempt(username=username, remote=remote, at=now, succeeded=bool(ok)).save()
    if not ok:
        raise Unauthenticated("auth.invalid_credentials", "用户名或密码错误")

    return await issue_token(user)


async def issue_token(user: dict | str) -> TokenRead:
    """A new token for a user whose identity is established (after the password check)."""
    if isinstance(user, str):
        user = await AppUser.select(
            AppUser.id, AppUser.username, AppUser.roles, AppUser.township.code.as_alias("township_code"),
        ).where(AppUser.username == user).output(load_json=True).first()
        if user is None:
            raise Unauthenticated("auth.invalid_credentials", "用户名或密码错误")
    now = clock.now_utc()
    token = secrets.token_urlsafe(32)
    expires = now + TOKEN_LIFETIME
    await ApiToken(user=user["id"], token_sha256=token_hash(token), created_at=now, expires_at=expires).save()
    return TokenRead(token=token, token_type="Bearer", expires_at=expires, username=user["username"],
                     roles=list(user["roles"]), township=user["township_code"])


async def authenticate(token: str) -> Principal:
    digest = token_hash(token)
    cached = _cache.get(digest)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    now = clock.now_utc()
    row = await ApiToken.select(
        ApiToken.expires_at, ApiToken.revoked_at, ApiToken.user.id.as_alias("user_id"),
        ApiToken.user.username.as_alias("username"), ApiToken.user.display_name.as_alias("display_name"),
        ApiToken.user.roles.as_alias("roles"), ApiToken.user.county_code.as_alias("county_code"),
        ApiToken.user.township.as_alias("township_id"), ApiToken.user.township.code.as_alias("township"),
        ApiToken.user.department.as_alias("department_id"), ApiToken.user.active.as_alias("active"),
    ).where(ApiToken.token_sha256 == digest).output(load_json=True).first()
    if row is None or row["revoked_at"] is not None or row["expires_at"] <= now or not row["active"]:
        _cache.pop(digest, None)
        raise Unauthenticated("auth.invalid_token", "登录已失效或令牌无效，请重新登录")
    roles = row["roles"]
    if isinstance(roles, str):  # JSON through a join is not decoded by every engine
        import json

        roles = json.loads(roles)
    principal = Principal(
        user_id=row["user_id"], username=row["username"], display_name=row["display_name"], roles=frozenset(roles),
        county_code=row["county_code"], township_id=row["township_id"], township=row["township"],
        department_id=row["department_id"], token_sha256=digest,
    )
    expires_in = (row["expires_at"] - now).total_seconds()
    _cache[digest] = (time.monotonic() + min(CACHE_SECONDS, expires_in), principal)
    return principal


async def logout(principal: Principal) -> None:
    await ApiToken.update({ApiToken.revoked_at: clock.now_utc()}).where(ApiToken.token_sha256 == principal.token_sha256)
    _cache.pop(principal.token_sha256, None)


def forget_cached_tokens() -> None:
    """Drop this process's token cache (tests switch databases; a user's roles changed)."""
    _cache.clear()
