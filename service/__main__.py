"""``python -m service`` runs the claimscope CLI."""

from service.cli import main

main()
