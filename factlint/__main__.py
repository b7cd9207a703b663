import signal
import sys


def _early_interrupt(signum, frame):  # Ctrl-C while starting up: no traceback (cli.run takes over)
    sys.exit(128 + signum)


signal.signal(signal.SIGINT, _early_interrupt)

from .cli import run  # noqa: E402

run()
