"""English dates as read in Finland and across Europe: "4 Dec 2026", never the American
"12/04/2026", which a Finnish or Swedish reader takes for 12 April. Django's fi and sv formats
are kept as they are ("4.12.2026", "2026-12-04")."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday, as the ISO weeks the charts count
