"""Settings checks that the CLI tests do not reach through an error message."""

from __future__ import annotations

import pytest

from service.settings import Settings


@pytest.mark.parametrize(
    "bind",
    [
        "0.0.0.0:8000",
        "127.0.0.1",
        "localhost:80",
        ":8000",
        "[::1]:8000",
        "[::1]",
        "tcp://10.0.0.2:9000",
        "unix:/run/claimscope.sock",
        "unix:///run/claimscope.sock",
        "fd://3",
    ],
)
def test_every_address_form_gunicorn_reads_is_accepted(bind: str) -> None:
    assert Settings(bind=bind).bind == bind


@pytest.mark.parametrize("bind", ["127.0.0.1:99999", "127.0.0.1:", "[::1]:http", "::1", "unix:", "fd://x", "a:b:c", ""])
def test_an_address_gunicorn_would_fail_on_is_refused(bind: str) -> None:
    """A port past 65535 stopped gunicorn with a traceback instead of an error naming the setting."""
    with pytest.raises(ValueError, match="CLAIMSCOPE_BIND=.* is not an address to listen on"):
        Settings(bind=bind)
