"""The forms names are compared in across articles.

An article's entities are already named in the nominative (`entities.name`);
here two names of one thing are brought to one form: an acronym or short name
to its full name (`РФ`, `Минфин`), a country's names to its ISO code
(`Россия`, `Российская Федерация` -> `RU`; `models/gazetteers/country_codes.tsv`),
a Cyrillic spelling to a Latin skeleton (`Лента.ру`, `Lenta.ru` -> `lentaru`),
and a person to name parts and a gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rusnews.lexicon import read_lexicon
from rusnews.resources import MODELS_DIR
from rusnews.stages.entities import EntityLexicon, entity_lexicon
from rusnews.text import fold, fold_spaced

GAZETTEERS = MODELS_DIR / "gazetteers"
COUNTRY = "country:"  # prefix of a country's comparison form: `country:RU`
MASC, FEMN = "masc", "femn"


@dataclass(frozen=True, slots=True)
class NameTables:
    entities: EntityLexicon  # acronyms, short names, state words: what the entities stage reads
    codes: dict[str, str]  # folded country name -> ISO code
    owned_heads: frozenset[str]  # nouns of bodies that belong to a place (`министерство`)
    place_adjectives: dict[str, str]  # folded adjective stem -> the place (`японск` -> Япония)
    # ISO code -> the country's name as news writes it (the first name of the table).
    country_names: dict[str, str] = field(default_factory=dict)
    # Forms already computed: a run names the same few thousand things again and again.
    forms: dict[tuple[str, str], str] = field(default_factory=dict, compare=False)


def adjective_stem(adjective: str) -> str:
    """An adjective without its ending, so `японский`, `японское`, `японская` meet."""
    return re.sub(r"(ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ом|ем|ую|юю|ых|их)$", "", adjective)


def read_name_tables(folder: Path = GAZETTEERS) -> NameTables:
    rows = read_lexicon(folder / "country_codes.tsv", ("name", "code"))
    codes = {fold_spaced(name): code for name, code in rows}
    country_names: dict[str, str] = {}
    for name, code in rows:
        country_names.setdefault(code, name)
    heads = frozenset(
        fold(lemma)
        for lemma, kinds in read_lexicon(folder / "org_heads.tsv", ("lemma", "kinds"))
        if "owner" in kinds.split()
    )
    adjectives = {
        adjective_stem(fold(adjective)): place
        for adjective, place in read_lexicon(
            folder / "place_adjectives.tsv", ("adjective", "place")
        )
    }
    lexicon = entity_lexicon() if folder == GAZETTEERS else _entity_lexicon_of(folder)
    return NameTables(lexicon, codes, heads, adjectives, country_names)


def _entity_lexicon_of(folder: Path) -> EntityLexicon:
    from rusnews.stages.entities import read_entity_lexicon

    return read_entity_lexicon(folder)


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    """The tables in `models/`, read once per process."""
    return read_name_tables()


def full_form(name: str, tables: NameTables) -> str:
    """The folded full name an acronym or short name stands for (`МИД` -> `министерство
    иностранных дел`), else the folded name."""
    found = tables.forms.get(("full", name))
    if found is None:
        full = tables.entities.expand(name.strip()) or tables.entities.full_name(name)
        found = tables.forms[("full", name)] = fold_spaced(full or name)
    return found


def official_form(name: str, tables: NameTables | None = None) -> str:
    """One form for the names of one place or body: `country:RU` for Россия, РФ and
    Российская Федерация; `татарстан` for Республика Татарстан and Татарстан."""
    tables = tables or name_tables()
    found = tables.forms.get(("official", name))
    if found is None:
        found = tables.forms[("official", name)] = _official(full_form(name, tables), tables)
    return found


def _official(folded: str, tables: NameTables) -> str:
    code = tables.codes.get(folded)
    if code:
        return COUNTRY + code
    words = folded.split()
    if len(words) >= 2 and words[0] in tables.entities.state_words:
        rest = " ".join(words[1:])
        code = tables.codes.get(rest)
        return COUNTRY + code if code else rest
    return folded


def country_code(name: str, tables: NameTables | None = None) -> str | None:
    """The ISO code of a country name (`Российской Федерации`'s normal form -> `RU`), else None."""
    form = official_form(name, tables)
    return form[len(COUNTRY) :] if form.startswith(COUNTRY) else None


# Cyrillic to Latin, one common reading per letter; the skeleton below then
# forgets what transliteration systems disagree on (й: i/j/y, х: kh/h, ц: ts/c).
_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
        "я": "ia",
    }
)  # fmt: skip
_SPELLINGS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("q", "k"),
              ("c", "k"), ("y", "i"), ("j", "i"))  # fmt: skip
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")
MIN_SKELETON = 4  # shorter skeletons (`es`, `rbk`) say too little to join two names


def latin_skeleton(name: str) -> str:
    """`Лента.ру` and `Lenta.ru` -> `lentaru`; `Коммерсантъ`, `Kommersant` -> `komersant`."""
    text = fold(name).translate(_LATIN)
    for written, said in _SPELLINGS:
        text = text.replace(written, said)
    return _DOUBLED.sub(r"\1", _NOT_ALNUM.sub("", text))


def has_latin(name: str) -> bool:
    return any("a" <= c <= "z" for c in name.casefold())


def is_initial(part: str | None) -> bool:
    """`В.`, `В`: a name part that is only its first letter."""
    if not part:
        return False
    letters = part.rstrip(".")
    return len(letters) == 1 and letters.isalpha()


_FEMININE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына|ская|цкая|ая)$")
_MASCULINE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ской|ой|ый)$")


def surname_gender(last: str | None) -> str | None:
    """What a Russian surname in the nominative says of its bearer; foreign ones say nothing."""
    if not last:
        return None
    word = fold(last.split()[-1])
    if _FEMININE_SURNAME.search(word):
        return FEMN
    return MASC if _MASCULINE_SURNAME.search(word) else None


@lru_cache(maxsize=50_000)
def first_name_gender(first: str | None) -> str | None:
    """The gender pymorphy3 gives a first name (`Кая` femn, `Сергей` masc), if it knows it."""
    if not first or is_initial(first):
        return None
    from rusnews.morphology import parse

    for candidate in parse(first.split()[0].lower()):
        tag = candidate.tag
        if "Name" in tag and tag.case == "nomn" and tag.gender in (MASC, FEMN):
            return str(tag.gender)
    return None


def person_gender(first: str | None, last: str | None) -> str | None:
    """The surname's word first (it needs no dictionary), else the first name's."""
    return surname_gender(last) or first_name_gender(first)
