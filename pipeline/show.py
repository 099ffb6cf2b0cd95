"""Show one processed article to a person: coloured terminal text or displaCy HTML, events below.

Everything that comes from the article (text, id, title, names) is data: in
the terminal a `Text` with its controls made visible (`rusnews.terminal`), in
HTML escaped.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rusnews.model import DATE, LOC, ORG, PER, Article
from rusnews.terminal import plain, visible

STYLES = {PER: "bold magenta", ORG: "bold cyan", LOC: "bold green", DATE: "bold yellow"}
COLORS = {PER: "#f5b7e8", ORG: "#9fe3f5", LOC: "#b5f0a8", DATE: "#fbe49c"}


def highlighted(article: Article) -> Text:
    """The article text with every outermost mention styled by its label.

    Built piece by piece rather than styled by offset afterwards: making the
    controls visible (and Rich itself, which drops `\\r`) changes the length
    of the text, so offsets into the article would no longer point at the names.
    """
    text, pos = Text(), 0
    for m in article.mentions:  # sorted by start, longest first
        if m.start < pos:
            continue
        text.append(visible(article.text[pos : m.start]))
        text.append(visible(article.text[m.start : m.end]), style=STYLES.get(m.label, "bold"))
        pos = m.end
    text.append(visible(article.text[pos:]))
    return text


def events_table(article: Article) -> Table:
    table = Table(title="events", show_lines=False)
    for column in ("#", "type", "trigger", "date", "modality"):
        table.add_column(column)
    table.add_column("arguments", overflow="fold", ratio=1)
    for ev in article.events:
        args = "; ".join(f"{a.role}={a.name}" for a in ev.arguments)
        modality = ev.modality + (", negated" if ev.negated else "")
        date = f"{ev.date or '-'}{' (published)' if ev.date_from_published else ''}"
        table.add_row(
            str(ev.event_id), ev.event_type, plain(ev.trigger), date, modality, plain(args)
        )
    return table


def occupations_table(article: Article) -> Table:
    table = Table(title="occupations")
    for column in ("#", "person", "position", "organization / place", "phase"):
        table.add_column(column)
    for o in article.occupations:
        where = o.organization or o.place
        table.add_row(
            str(o.occupation_id),
            plain(o.person.name or ""),
            plain(o.position),
            plain(where.name or "") if where is not None else "",
            o.phase or "",
        )
    return table


def entities_table(article: Article) -> Table:
    table = Table(title="entities")
    for column in ("id", "label", "name", "mentions"):
        table.add_column(column)
    for e in article.entities:
        table.add_row(str(e.entity_id), e.label, plain(e.name), str(len(e.mention_ids)))
    return table


def render_html(article: Article) -> str:
    """A self-contained displaCy entity page with the events listed under the text."""
    from html import escape

    from spacy import displacy

    ents, covered_to = [], -1
    for m in article.mentions:
        if m.start >= covered_to:
            ents.append({"start": m.start, "end": m.end, "label": m.label})
            covered_to = m.end
    # displaCy escapes the text but puts the title into the page as it is.
    title = escape(article.title or article.article_id)
    doc = {"text": article.text, "ents": ents, "title": title}
    body = displacy.render(
        doc, style="ent", manual=True, page=False, options={"colors": COLORS, "ents": list(COLORS)}
    )
    rows = "".join(
        f"<tr><td>{escape(ev.event_type)}</td><td>{escape(ev.trigger)}</td>"
        f"<td>{escape(ev.date or '')}</td>"
        f"<td>{escape(ev.modality)}{' negated' if ev.negated else ''}</td>"
        f"<td>{escape('; '.join(f'{a.role}={a.name}' for a in ev.arguments))}</td></tr>"
        for ev in article.events
    )
    return (
        "<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body style='font-family:sans-serif;margin:2em'>"
        f"{body}<h3>Events</h3><table border='1' cellpadding='4' style='border-collapse:collapse'>"
        "<tr><th>type</th><th>trigger</th><th>date</th><th>modality</th><th>arguments</th></tr>"
        f"{rows}</table></body></html>"
    )


def show(article: Article, html: Path | None = None, console: Console | None = None) -> None:
    console = console or Console()
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_html(article), encoding="utf-8")
        console.print(plain(f"wrote {html}"))
        return
    console.rule(plain(f"{article.article_id}  {article.published or ''}"))
    console.print(highlighted(article))
    console.print(" ".join(f"[{style}]{label}[/]" for label, style in STYLES.items()))
    console.print(entities_table(article))
    console.print(events_table(article))
    if article.occupations:
        console.print(occupations_table(article))
