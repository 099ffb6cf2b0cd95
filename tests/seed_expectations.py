"""What a run of the seed article must hold, as checks over its output folder.

tests/test_seed.py runs each check on a run made in-process; .ci/wheel-check
runs this file as a script, with the Python of a fresh venv that holds only
the built wheel, on the tables of `rusnews run` started from another
directory. So it needs pandas and pyarrow only, never the repository's code.

    python -P tests/seed_expectations.py OUTPUT_FOLDER
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

NORMALS: dict[str, set[str]] = {
    "PER": {
        "Алибек Бакаев",
        "Йоханнес Лухнер",
        "Ермек Кошербаев",
        "Кая Каллас",
        "Касым-Жомарт Токаев",
        "Эдуардс Стипрайс",
        "Антониу Кошта",
    },
    "LOC": {"Брюссель", "Астана", "Казахстан", "Центральная Азия"},
    "ORG": {"Министерство иностранных дел", "Европейская комиссия", "Европейский совет"},
    "DATE": {
        "2025-12-02",
        "2025-12-03",
        "2025-12-01",
        "2025-12",
        "2026",
        "2025-11-24",
        "2025-12-04",
    },
}
# An acronym and the full name it stands for in the article.
ACRONYMS = {"МИД": "Министерстве иностранных дел", "РК": "Республики Казахстан"}

# A check reads the run's folder and says what is wrong, or None when nothing is.
Check = Callable[[Path], str | None]


def table(run: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(run / f"{name}.parquet")


def normals_found(label: str) -> Check:
    def check(run: Path) -> str | None:
        mentions = table(run, "mentions")
        missing = NORMALS[label] - set(mentions.loc[mentions["label"] == label, "normal"].dropna())
        return f"{label} normal forms missing: {sorted(missing)}" if missing else None

    return check


def ten_years_is_not_a_date(run: Path) -> str | None:
    mentions = table(run, "mentions")
    dates = mentions.loc[mentions["label"] == "DATE", "text"]
    wrong = [text for text in dates if "10 лет" in text]
    return f"a span of time tagged as a date: {wrong}" if wrong else None


def acronym_shares_its_full_name(acronym: str) -> Check:
    full = ACRONYMS[acronym]

    def check(run: Path) -> str | None:
        entity_of = table(run, "mentions").groupby("text")["entity_id"].agg(set)
        if acronym not in entity_of or full not in entity_of:
            return f"no mention {acronym!r} or {full!r}"
        if entity_of[acronym] != entity_of[full] or len(entity_of[full]) != 1:
            return f"{acronym!r} in entities {entity_of[acronym]}, {full!r} in {entity_of[full]}"
        return None

    return check


def entities_have_names_and_keys(run: Path) -> str | None:
    by_name = table(run, "entities").set_index("name")
    problems = []
    if by_name.loc["Министерство иностранных дел", "n_mentions"] < 7:
        problems.append("Министерство иностранных дел has fewer than 7 mentions")
    if by_name.loc["Касым-Жомарт Токаев", "key"] != "PER:касым-жомарт токаев":
        problems.append(
            f"key of Касым-Жомарт Токаев is {by_name.loc['Касым-Жомарт Токаев', 'key']}"
        )
    if by_name.loc["Касым-Жомарт Токаев", "last"] != "Токаев":
        problems.append("last name of Касым-Жомарт Токаев is not Токаев")
    return "; ".join(problems) or None


# The quotations the article attributes to `Пресс-служба МИД РК` on the line after them.
PRESS_SERVICE_QUOTES = (
    "Подчеркнуто, что данные переговоры",
    "Переговоры подтвердили готовность обеих сторон",
    "Казахстан и Европейский союз договорились продолжить",
)


def press_service_quotes_are_statements(run: Path) -> str | None:
    events, arguments = table(run, "events"), table(run, "event_arguments")
    text = table(run, "articles")["text"].iloc[0]
    agents = arguments[arguments["role"] == "agent"].merge(events, on=["article_id", "event_id"])
    quoted = agents[agents["content_kind"] == "direct"]
    said = {
        row.content: text[row.start_x : row.end_x]
        for row in quoted.itertuples()
        if row.event_type == "STATEMENT" and row.name == "Министерство иностранных дел"
    }
    problems = [
        opening
        for opening in PRESS_SERVICE_QUOTES
        if not any(c.startswith(opening) and s == "Пресс-служба МИД РК" for c, s in said.items())
    ]
    return f"quotations without their speaker: {problems}" if problems else None


def occupations_are_not_events(run: Path) -> str | None:
    held = table(run, "occupations")
    records = set(zip(held["person"], held["position"]))
    problems = [
        f"no occupation {who} — {what}"
        for who, what in (
            ("Алибек Бакаев", "заместитель министра иностранных дел"),
            ("Антониу Кошта", "президент"),
        )
        if (who, what) not in records
    ]
    if "OCCUPATION" in set(table(run, "events")["event_type"]):
        problems.append("OCCUPATION rows among the events")
    return "; ".join(problems) or None


CHECKS: dict[str, Check] = {
    **{f"{label} normals": normals_found(label) for label in NORMALS},
    "10 лет is not a date": ten_years_is_not_a_date,
    **{f"{a} shares its full name's entity": acronym_shares_its_full_name(a) for a in ACRONYMS},
    "entities have names and keys": entities_have_names_and_keys,
    "press-service quotations are statements": press_service_quotes_are_statements,
    "occupations are not events": occupations_are_not_events,
}


def main(run: Path) -> int:
    failed = 0
    for name, check in CHECKS.items():
        problem = check(run)
        print(f"{'FAIL' if problem else 'ok'}  {name}" + (f": {problem}" if problem else ""))
        failed += problem is not None
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
