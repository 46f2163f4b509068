"""Summarises the log of an Odoo test run.

Reads Odoo's output on stdin, copies all of it to a log file, and echoes only what
a developer needs: records of level WARNING and above (with their tracebacks) and
the test results. At the end it writes a JSON summary: tests run, failures, errors,
and the number of ERROR/CRITICAL records.

Usage: testlog.py --log FILE --summary FILE.json
"""

import argparse
import json
import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ "
    r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL|\?) "
    r"(?P<db>\S+) (?P<logger>[\w.]+): (?P<message>.*)$"
)
RESULT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests"
)
SHOWN_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
FAILING_LEVELS = {"ERROR", "CRITICAL"}


def parse_record(line):
    """Return (level, logger, message) of a log record line, or None for other lines."""
    match = RECORD.match(ANSI.sub("", line))
    if not match:
        return None
    return match["level"], match["logger"], match["message"]


def parse_result(message):
    """Return (failed, errors, tests) from an ``odoo.tests.result`` message, or None."""
    match = RESULT.search(message)
    if not match:
        return None
    return int(match["failed"]), int(match["errors"]), int(match["tests"])


class Summary:
    def __init__(self):
        self.tests = 0
        self.failed = 0
        self.errors = 0
        self.error_records = 0
        self._showing = False

    def feed(self, line):
        """Account for one line; return True when it should be shown."""
        record = parse_record(line)
        if record is None:
            # continuation of the previous record (traceback, multi-line message)
            return self._showing
        level, logger, message = record
        show = level in SHOWN_LEVELS
        if level in FAILING_LEVELS:
            self.error_records += 1
        if logger == "odoo.tests.result":
            result = parse_result(message)
            if result:
                self.failed += result[0]
                self.errors += result[1]
                self.tests += result[2]
                show = True
        elif logger == "odoo.tests.stats" or (
            logger.startswith("odoo.modules") and "tests" in message and level == "INFO"
        ):
            show = show or message.startswith(("Starting post tests", "post-tests"))
        self._showing = show
        return show

    def as_dict(self):
        return {
            "tests": self.tests,
            "failed": self.failed,
            "errors": self.errors,
            "error_records": self.error_records,
        }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", required=True)
    parser.add_argument("--summary", required=True)
    args = parser.parse_args(argv)
    summary = Summary()
    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)
    with open(args.log, "w", encoding="utf-8") as log:
        for line in stdin:
            log.write(line)
            if summary.feed(line):
                sys.stdout.write(line)
                sys.stdout.flush()
    with open(args.summary, "w", encoding="utf-8") as out:
        json.dump(summary.as_dict(), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
