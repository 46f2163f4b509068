#!/usr/bin/env python3
"""Odoo's command line, for benchmarks that start a server with workers.

With ``--workers``, Odoo starts its long-polling process again from
``sys.argv[0]`` with the ``gevent`` argument. That process serves browsers
(bus, websocket) only; XML-RPC clients never use it, so here it stays idle:
where gevent cannot start, the server would otherwise respawn it every second
and spend the cores the benchmark measures.
"""

import signal
import sys

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "gevent":
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        while True:
            signal.pause()
    import odoo.cli

    odoo.cli.main()
