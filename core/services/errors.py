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
