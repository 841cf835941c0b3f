"""Service errors: a stable code and a message in Chinese. Rule refusals use ``Refused``."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
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
