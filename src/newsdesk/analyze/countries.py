"""Country names and the adjectives that name them, for resolving "the country".

A claim that says "the country's military was placed on alert" stands on its own only with the
country named. :func:`countries_named` finds every country an article names, by name ("South
Korea", "the U.S.") or by its adjective or people ("Brazilian police", "Indonesians"), so that
"the country" can take the one country named before it, and stays as written when there are
two.
"""

from __future__ import annotations

from functools import lru_cache

from ..read import regex as re

#: "name|other names:adjective|other adjectives"; a leading "the " is part of the name
_TABLE = """
Afghanistan:Afghan
Albania:Albanian
Algeria:Algerian
Angola:Angolan
Argentina:Argentine|Argentinian
Armenia:Armenian
Australia:Australian
Austria:Austrian
Azerbaijan:Azerbaijani
Bahrain:Bahraini
Bangladesh:Bangladeshi
Belarus:Belarusian
Belgium:Belgian
Bolivia:Bolivian
Bosnia and Herzegovina|Bosnia:Bosnian
Brazil:Brazilian
Bulgaria:Bulgarian
Burundi:Burundian
Cambodia:Cambodian
Cameroon:Cameroonian
Canada:Canadian
Chad:Chadian
Chile:Chilean
China:Chinese
Colombia:Colombian
Costa Rica:Costa Rican
Croatia:Croatian
Cuba:Cuban
Cyprus:Cypriot
the Czech Republic|Czechia:Czech
Denmark:Danish
the Dominican Republic:Dominican
Ecuador:Ecuadorian|Ecuadoran
Egypt:Egyptian
El Salvador:Salvadoran
Eritrea:Eritrean
Estonia:Estonian
Ethiopia:Ethiopian
Finland:Finnish
France:French
Gabon:Gabonese
Germany:German
Ghana:Ghanaian
Greece:Greek
Guatemala:Guatemalan
Haiti:Haitian
Honduras:Honduran
Hungary:Hungarian
Iceland:Icelandic
India:Indian
Indonesia:Indonesian
Iran:Iranian
Iraq:Iraqi
Ireland:Irish
Israel:Israeli
Italy:Italian
Jamaica:Jamaican
Japan:Japanese
Jordan:Jordanian
Kazakhstan:Kazakh
Kenya:Kenyan
Kosovo:Kosovar
Kuwait:Kuwaiti
Kyrgyzstan:Kyrgyz
Laos:Laotian
Latvia:Latvian
Lebanon:Lebanese
Liberia:Liberian
Libya:Libyan
Lithuania:Lithuanian
Luxembourg:Luxembourgish
Madagascar:Malagasy
Malawi:Malawian
Malaysia:Malaysian
Mali:Malian
Malta:Maltese
Mauritania:Mauritanian
Mexico:Mexican
Moldova:Moldovan
Mongolia:Mongolian
Montenegro:Montenegrin
Morocco:Moroccan
Mozambique:Mozambican
Myanmar|Burma:Burmese
Namibia:Namibian
Nepal:Nepalese|Nepali
the Netherlands|Holland:Dutch
New Zealand:
Nicaragua:Nicaraguan
Niger:Nigerien
Nigeria:Nigerian
North Korea|DPRK:North Korean
North Macedonia|Macedonia:Macedonian
Norway:Norwegian
Oman:Omani
Pakistan:Pakistani
Panama:Panamanian
Paraguay:Paraguayan
Peru:Peruvian
the Philippines:Philippine|Filipino
Poland:Polish
Portugal:Portuguese
Qatar:Qatari
Romania:Romanian
Russia|Russian Federation:Russian
Rwanda:Rwandan
Saudi Arabia:Saudi
Senegal:Senegalese
Serbia:Serbian
Sierra Leone:Sierra Leonean
Singapore:Singaporean
Slovakia:Slovak|Slovakian
Slovenia:Slovenian|Slovene
Somalia:Somali
South Africa:South African
South Korea:South Korean
South Sudan:South Sudanese
Spain:Spanish
Sri Lanka:Sri Lankan
Sudan:Sudanese
Sweden:Swedish
Switzerland:Swiss
Syria:Syrian
Taiwan:Taiwanese
Tajikistan:Tajik
Tanzania:Tanzanian
Thailand:Thai
Tunisia:Tunisian
Turkey:Turkish
Turkmenistan:Turkmen
Uganda:Ugandan
Ukraine:Ukrainian
the United Arab Emirates|UAE:Emirati
the United Kingdom|Britain|Great Britain|UK|U.K.:British
the United States|U.S.|US|USA|U.S.A.|America:American
Uruguay:Uruguayan
Uzbekistan:Uzbek
Venezuela:Venezuelan
Vietnam:Vietnamese
Yemen:Yemeni
Zambia:Zambian
Zimbabwe:Zimbabwean
"""


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], re.Pattern, frozenset[str]]:
    """Every name and adjective -> the country's name, one pattern finding them all, and the
    names (not the adjectives)."""
    canonical: dict[str, str] = {}
    country_names: set[str] = set()
    for line in _TABLE.strip().splitlines():
        names, adjectives = line.split(":")
        names_list = names.split("|")
        main = names_list[0]
        country_names.update(n.removeprefix("the ") for n in names_list)
        for form in [n.removeprefix("the ") for n in names_list] + [
            a for a in adjectives.split("|") if a
        ]:
            canonical[form] = main
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.-])(?:" + "|".join(re.escape(f) for f in forms) + r")s?(?![\w-]|\.\w)"
    )
    return canonical, pattern, frozenset(country_names)


#: the states of the United States, as one alternation for patterns
US_STATES = (
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    r"Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    r"Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    r"Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)"
)
def starts_with_place(text: str) -> bool:
    """Whether ``text`` opens with a country's or a US state's name ("Iraq earlier this
    week", "Texas, where ..."): after "Kirkuk," that is where Kirkuk is, not what it is."""
    _canonical, pattern, names = _forms()
    m = re.match(US_STATES + r"\b", text) or pattern.match(text)
    if m is None or (m.re is pattern and m.group(0) not in names):
        return False
    # the place ends the appositive, or a time or a clause follows it; "Brazil's largest
    # bank" and "Panama coach" are what someone is
    return bool(_AFTER_PLACE.match(text, m.end()))


_AFTER_PLACE = re.compile(
    r"\s*(?:$|[,;.]|\s(?:earlier|later|last|this|next|on|in|at|yesterday|today|tomorrow|"
    r"recently|where|when|and|or|before|after|since|during)\b)"
)


#: words before a country's name that make it another place ("New Mexico", "Latin America")
_PLACE_BEFORE = re.compile(r"\b(?:New|Latin|South|North|Central|Middle)\s$")
#: country names that are also first names ("Chad Smith", "Michael Jordan")
_FIRST_NAMES = frozenset({"Chad", "Jordan"})
_NAME_WORD = re.compile(r"\b(?!(?:The|A|An|In|On|At|Of|For|From|To|And|But)\s)"
                        r"[A-Z][a-z]+\s$")


def countries_named(text: str) -> list[tuple[int, str]]:
    """(offset, country name) for every mention of a country in ``text``, in order. A name
    that is part of another place's or a person's ("New Mexico", "Latin America", "Chad
    Smith") does not count."""
    canonical, pattern, _names = _forms()
    found = []
    for m in pattern.finditer(text):
        word, start = m.group(0), m.start()
        if word not in canonical:
            word = word[:-1]  # a people: "Americans", "Indonesians"
        if _PLACE_BEFORE.search(text, max(start - 8, 0), start):
            continue
        if word in _FIRST_NAMES and (
            _NAME_WORD.search(text, max(start - 20, 0), start)
            or re.match(r"\s[A-Z][a-z]", text[m.end() : m.end() + 3])
        ):
            continue
        found.append((start, canonical[word]))
    return found
