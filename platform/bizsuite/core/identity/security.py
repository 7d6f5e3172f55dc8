"""Password hashing (argon2), token generation and hashing, TOTP."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import secrets

import anyio
import anyio.to_thread
import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

API_KEY_PREFIX = "bsk_"
#: A hash that never verifies, used to spend the same time when the user does not exist.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


#: Threads that may hash at once, per process: argon2 takes tens of milliseconds of CPU, so it
#: runs off the event loop, and on one core fewer than the machine has (a flood of sign-ins
#: queues here, leaving a core to serve every other request of the process).
PASSWORD_THREADS = max(1, (os.cpu_count() or 2) - 1)
_limiters: dict[int, anyio.CapacityLimiter] = {}


def _limiter() -> anyio.CapacityLimiter:
    """The hashing pool's limiter of the running event loop (created on first use)."""
    loop = id(asyncio.get_running_loop())
    limiter = _limiters.get(loop)
    if limiter is None:
        if len(_limiters) > 8:  # event loops of finished test runs
            _limiters.clear()
        limiter = _limiters[loop] = anyio.CapacityLimiter(PASSWORD_THREADS)
    return limiter


def _hash_now(password: str) -> str:
    return _hasher.hash(password)


def _verify_now(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    """Hash a password with argon2id, in the bounded hashing pool (never on the event loop)."""
    return await anyio.to_thread.run_sync(_hash_now, password, limiter=_limiter())


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password in constant time (also when there is no user), in the hashing pool."""
    return await anyio.to_thread.run_sync(_verify_now, password_hash, password, limiter=_limiter())


def sha256_hex(value: str) -> str:
    """Return the SHA-256 of a token; tokens are stored only in this form."""
    return hashlib.sha256(value.encode()).hexdigest()


def new_token(nbytes: int = 32) -> str:
    """Return a URL-safe random token."""
    return secrets.token_urlsafe(nbytes)


def new_api_key() -> str:
    """Return a new API key secret (``bsk_`` + 40 random characters)."""
    return API_KEY_PREFIX + secrets.token_urlsafe(30)


def same(a: str, b: str) -> bool:
    """Compare secrets in constant time."""
    return hmac.compare_digest(a.encode(), b.encode())


def new_totp_secret() -> str:
    """Return a new base32 TOTP secret."""
    return pyotp.random_base32()


def totp_uri(secret: str, email: str) -> str:
    """Return the otpauth:// URI authenticator apps scan."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name="BizSuite")


def verify_totp(secret: str, code: str) -> bool:
    """Check a TOTP code, allowing one step of clock drift."""
    return pyotp.TOTP(secret).verify(code.strip(), valid_window=1)
