import io
import json

import testlog

LOG = """\
2025-01-01 10:00:00,000 42 INFO db odoo.modules.loading: loading 1 modules...
2025-01-01 10:00:01,000 42 WARNING db odoo.addons.x.models: something odd
2025-01-01 10:00:02,000 42 INFO db odoo.addons.x.tests.test_a: Starting A.test_a ...
2025-01-01 10:00:03,000 42 ERROR db odoo.addons.x.tests.test_a: FAIL: A.test_a
Traceback (most recent call last):
AssertionError: 1 != 2
2025-01-01 10:00:04,000 42 INFO db odoo.modules.loading: done
2025-01-01 10:00:05,000 42 ERROR db odoo.tests.result: 1 failed, 0 error(s) of 7 tests \
when loading database 'db'
"""


def run(text):
    summary = testlog.Summary()
    shown = [line for line in io.StringIO(text) if summary.feed(line)]
    return summary, shown


def test_records_are_parsed():
    record = testlog.parse_record(
        "2025-01-01 10:00:00,000 42 WARNING ? odoo.sql_db: slow query"
    )
    assert record == ("WARNING", "odoo.sql_db", "slow query")
    assert testlog.parse_record("Traceback (most recent call last):") is None


def test_colored_level_is_understood():
    line = "2025-01-01 10:00:00,000 42 \x1b[1;31mERROR\x1b[0m db odoo.x: boom"
    assert testlog.parse_record(line)[0] == "ERROR"


def test_results_are_summed_and_errors_counted():
    summary, _shown = run(LOG)
    assert summary.as_dict() == {
        "tests": 7,
        "failed": 1,
        "errors": 0,
        "error_records": 2,
    }


def test_only_warnings_errors_tracebacks_and_results_are_shown():
    _summary, shown = run(LOG)
    assert "something odd" in shown[0]
    assert "AssertionError: 1 != 2\n" in shown
    assert not any("Starting A.test_a" in line for line in shown)
    assert "odoo.tests.result" in shown[-1]


def test_main_writes_log_and_summary(tmp_path, monkeypatch, capsys):
    stdin = tmp_path / "in.log"
    stdin.write_text(LOG, encoding="utf-8")
    with stdin.open(encoding="utf-8") as handle:
        monkeypatch.setattr("sys.stdin", handle)
        testlog.main(
            ["--log", str(tmp_path / "out.log"), "--summary", str(tmp_path / "s.json")]
        )
    assert (tmp_path / "out.log").read_text(encoding="utf-8") == LOG
    assert json.loads((tmp_path / "s.json").read_text())["tests"] == 7
    assert "something odd" in capsys.readouterr().out
