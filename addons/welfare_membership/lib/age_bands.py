"""Members' age bands, as the registry and its reports group them.

Plain Python, no Odoo: the one home of the bands. The member model stores a
member's band (a Python computation on save, one SQL statement for the daily
update of every member's age): both read the bands from here.
"""

from odoo.addons.welfare_base.lib.thai_calendar import completed_years

#: (oldest age in the band, key, label); the last band has no upper age
BANDS = (
    (17, "0_17", "0-17"),
    (39, "18_39", "18-39"),
    (59, "40_59", "40-59"),
    (69, "60_69", "60-69"),
    (79, "70_79", "70-79"),
    (None, "80_plus", "80+"),
)
#: the bands as a selection: [(key, label)]
AGE_BANDS = [(key, label) for _oldest, key, label in BANDS]
#: (oldest age, key) of every band with an upper age, youngest first, and the
#: key of the last band: what an SQL ``CASE WHEN age <= oldest THEN key ...
#: ELSE last END`` is made of
UPPER_BANDS = tuple((oldest, key) for oldest, key, _label in BANDS[:-1])
LAST_BAND = BANDS[-1][1]


def age_band(age):
    """The band of an age in whole years."""
    for oldest, key in UPPER_BANDS:
        if age <= oldest:
            return key
    return LAST_BAND


def age_values(birthdate, today):
    """(age in completed years, age band) of a birth date on a day; (0, False)
    for an unknown birth date."""
    if not birthdate:
        return 0, False
    age = completed_years(birthdate, today)
    return age, age_band(age)
