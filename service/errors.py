"""Domain errors. The pipeline raises these; the CLI prints them and the API maps them to
``application/problem+json`` using ``status``, the stable ``type`` slug and its ``title``.

A problem type has one title however it is raised (RFC 9457): the HTTP layer's own 404 and 422
answers use the same titles as ``NotFoundError`` and ``InvalidInputError``."""

from __future__ import annotations

TYPE_BASE = "https://claimscope.dev/problems/"


def located(error: Exception, where: str) -> str:
    """The error's message opening with ``where`` (a file, a line, a source_id), which the
    pipeline's own messages about an article often do already."""
    return str(error) if str(error).startswith(where) else f"{where}: {error}"


class ClaimscopeError(Exception):
    """Base of every error a user can cause or see."""

    status = 500
    slug = "internal-error"
    title = "Internal server error"

    @property
    def type_uri(self) -> str:
        return TYPE_BASE + self.slug


class InvalidInputError(ClaimscopeError):
    """The request or file is well-formed but its content cannot be used."""

    status = 422
    slug = "invalid-input"
    title = "Invalid input"


class EmptyTextError(InvalidInputError):
    """An article with no usable text after cleaning."""

    slug = "empty-text"
    title = "Empty text"


class BinaryInputError(InvalidInputError):
    """A file that is not text (NUL bytes or undecodable)."""

    slug = "binary-input"
    title = "Binary input"


class EncodingError(InvalidInputError):
    """A text file that is not UTF-8."""

    slug = "not-utf8"
    title = "Not UTF-8"


class UnknownSourceError(InvalidInputError):
    """A source filter naming an article that is not stored (a typo would otherwise read as 'not enough info')."""

    slug = "unknown-source"
    title = "Unknown source"


class NotFoundError(ClaimscopeError):
    """The named article does not exist."""

    status = 404
    slug = "not-found"
    title = "Not Found"


class ModelUnavailableError(ClaimscopeError):
    """A configured model could not be loaded."""

    status = 503
    slug = "model-unavailable"
    title = "Model unavailable"


class ConfigurationError(ClaimscopeError):
    """Settings that cannot work together (e.g. an embedder of another size than the index)."""

    status = 500
    slug = "configuration-error"
    title = "Configuration error"
