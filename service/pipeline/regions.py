"""Countries, continents and the states and nations within two of them: places that hold others.

The place check (``places``) reads "born in the United States" and "born in Kentucky" as two
places, and Kentucky is in the United States (a FEVER claim, ``bench/verdicts.py``). Without a
gazetteer it cannot tell which holds which, so it compares a place of one of these kinds only with
another of the same kind: a country with a country, a city with a city.
"""

from __future__ import annotations

COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
    Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
    Burkina_Faso Burundi Cambodia Cameroon Canada Cape_Verde Chad Chile China Colombia Comoros Congo Costa_Rica
    Croatia Cuba Cyprus Czech_Republic Czechia Denmark Djibouti Dominica Dominican_Republic Ecuador Egypt
    El_Salvador Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece
    Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
    Ivory_Coast Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
    Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta
    Mauritania Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nauru
    Nepal Netherlands Holland New_Zealand Nicaragua Niger Nigeria North_Korea North_Macedonia Norway Oman
    Pakistan Palau Palestine Panama Papua_New_Guinea Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Samoa San_Marino Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore Slovakia
    Slovenia Somalia South_Africa South_Korea Korea South_Sudan Spain Sri_Lanka Sudan Suriname Sweden
    Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tunisia Turkey Turkmenistan Tuvalu
    Uganda Ukraine United_Arab_Emirates UAE United_Kingdom UK Britain Great_Britain England Scotland Wales
    Northern_Ireland United_States US USA America Uruguay Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen
    Zambia Zimbabwe""".split()
)
CONTINENTS = frozenset(
    "Africa Asia Europe North_America South_America Latin_America Oceania Antarctica Middle_East Scandinavia".split()
)
# The states of the United States and the provinces of Canada, each of which holds many places.
STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
    Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
    Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio
    Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia
    Washington West_Virginia Wisconsin Wyoming Ontario Quebec British_Columbia Alberta Manitoba Saskatchewan
    Nova_Scotia""".split()
)
_KINDS = {"country": COUNTRIES, "continent": CONTINENTS, "state": STATES}


def region_kind(place: str) -> str | None:
    """Which of the kinds above ``place`` is ("the United States": country), or None for any other
    place (a city, a county, a town)."""
    key = "_".join(place.removeprefix("the ").removeprefix("The ").split())
    return next((kind for kind, names in _KINDS.items() if key in names), None)
