"""Password hashing (argon2), token generation and hashing, TOTP."""

from __future__ import annotations

import hashlib
import hmac
import secrets

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

API_KEY_PREFIX = "bsk_"
#: A hash that never verifies, used to spend the same time when the user does not exist.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password in constant time (also when there is no user)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


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
