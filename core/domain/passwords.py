"""Password policy: long enough, and not guessable — checked with zxcvbn's common-password lists.

A password must have at least ``MIN_LENGTH`` characters that are not all blank, and zxcvbn must
estimate at least 10^8 guesses (score 3, "safely unguessable by online attacks" with throttling),
counting the user's own name and username as known words. "1234567890", ten spaces, "password123"
and "qwertyuiop" are refused; "zhifa-demo" passes.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

MIN_LENGTH = 10
MIN_SCORE = 3
MAX_LENGTH = 128  # zxcvbn's cost grows with length; argon2 hashes any length


def password_problem(password: str, *, user_inputs: list[str] = ()) -> str | None:
    """Why ``password`` is refused (Chinese), or None when it is acceptable."""
    if len(password) < MIN_LENGTH or not password.strip():
        return f"密码至少 {MIN_LENGTH} 个字符，且不能全为空格"
    if len(password) > MAX_LENGTH:
        return f"密码不能超过 {MAX_LENGTH} 个字符"
    result = zxcvbn(password, user_inputs=[u for u in user_inputs if u])
    if result["score"] < MIN_SCORE:
        return "密码过于简单或常见（如连续数字、键盘序列、常用密码、用户名），请换一个更难猜的密码"
    return None
