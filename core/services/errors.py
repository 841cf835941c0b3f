"""Service errors: a stable code and a message in Chinese. Rule refusals use ``Refused``."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, code: str, message: str, *, field: str | None = None):
        self.code = code
        self.message = message
        self.field = field  # the request's field at fault, as the request names it (``amount``, ``instalments[0].amount``)
        super().__init__(message)


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    pass


class Invalid(ServiceError):
    pass


class Forbidden(ServiceError):
    """The user is known and may see the resource, but their role does not allow the action."""


class Unauthenticated(ServiceError):
    pass


class Throttled(ServiceError):
    def __init__(self, code: str, message: str, retry_after: int):
        super().__init__(code, message)
        self.retry_after = retry_after


class TooLarge(ServiceError):
    pass


class PreconditionRequired(ServiceError):
    """A write that must say which version it read (``If-Match``) did not (RFC 6585: 428)."""
