"""WSGI entry point: ``gunicorn service.wsgi:app`` (configuration from CLAIMSCOPE_* variables)."""

from service.app import create_app

app = create_app()
