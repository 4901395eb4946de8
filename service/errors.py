"""Domain errors. The pipeline raises these; the CLI prints them and the API maps them to
``application/problem+json`` using ``status`` and the stable ``type`` slug."""

from __future__ import annotations

TYPE_BASE = "https://claimscope.dev/problems/"


class ClaimscopeError(Exception):
    """Base of every error a user can cause or see."""

    status = 500
    slug = "internal-error"

    @property
    def type_uri(self) -> str:
        return TYPE_BASE + self.slug


class InvalidInputError(ClaimscopeError):
    """The request or file is well-formed but its content cannot be used."""

    status = 422
    slug = "invalid-input"


class EmptyTextError(InvalidInputError):
    """An article with no usable text after cleaning."""

    slug = "empty-text"


class BinaryInputError(InvalidInputError):
    """A file that is not text (NUL bytes or undecodable)."""

    slug = "binary-input"


class EncodingError(InvalidInputError):
    """A text file that is not UTF-8."""

    slug = "not-utf8"


class NotFoundError(ClaimscopeError):
    """The named article does not exist."""

    status = 404
    slug = "not-found"


class ModelUnavailableError(ClaimscopeError):
    """A configured model could not be loaded."""

    status = 503
    slug = "model-unavailable"


class ConfigurationError(ClaimscopeError):
    """Settings that cannot work together (e.g. an embedder of another size than the index)."""

    status = 500
    slug = "configuration-error"
