"""The training fixtures, shared: these reports read finished training runs."""

from tests.models.conftest import data_dir, first_run, tiny_backbone  # noqa: F401
