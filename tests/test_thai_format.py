import pytest

from odoo.addons.welfare_base.lib import thai_format as tf


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "ศูนย์บาทถ้วน"),
        (1, "หนึ่งบาทถ้วน"),
        (11, "สิบเอ็ดบาทถ้วน"),
        (21, "ยี่สิบเอ็ดบาทถ้วน"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (365, "สามร้อยหกสิบห้าบาทถ้วน"),
        (1250.50, "หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์"),
        (0.25, "ยี่สิบห้าสตางค์"),
        (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (11_000_011, "สิบเอ็ดล้านสิบเอ็ดบาทถ้วน"),
        (30_000, "สามหมื่นบาทถ้วน"),
    ],
)
def test_baht_text_reads_as_on_a_thai_receipt(amount, words):
    assert tf.baht_text(amount) == words


def test_baht_text_rounds_to_the_satang():
    assert tf.baht_text(10.005) == "สิบบาทหนึ่งสตางค์"


def test_national_id_is_grouped_as_printed_on_the_card():
    assert tf.format_national_id("1101700203451") == "1-1017-00203-45-1"
    assert tf.format_national_id("12345") == "12345"
