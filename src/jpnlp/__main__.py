"""``python -m jpnlp``: the same command line as the ``jpnlp`` script."""

from .cli import run

run()
