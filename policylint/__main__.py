"""``python -m policylint``."""

from policylint.cli import main

main()
