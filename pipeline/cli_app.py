"""The `rusnews` application and what its commands share: the argument choices, and the
one-line answers to failures a user can cause."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from typing import Any

import typer
from rich.console import Console
from rich.text import Text
from rusnews import __version__
from rusnews.terminal import plain

app = typer.Typer(
    name="rusnews",
    help=(
        "Extract persons, organizations, locations, dates and events from Russian news into tables."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    # Inherited by every command's context, so `rusnews run -h` works too.
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console(stderr=True, soft_wrap=True)


def _add_train() -> None:
    # A sub-app of its own (`rusnews train events`), imported here so that every
    # way of building `app` (cli.py, the tests) has it.
    from rusnews.train.command import train_app

    app.add_typer(train_app, name="train")


_add_train()


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    both = "both"


class StageSet(str, Enum):
    full = "full"
    ner = "ner"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class Profile(str, Enum):
    names = "names"
    nerel = "nerel"
    all = "all"


# The gold corpora disagree on what is a name (rusnews.views): one help text for both
# commands, so that they explain the choice alike.
PROFILE_HELP = (
    "Which mentions to write out; every profile finds the same, this filters the output. "
    "names (default): proper names, as factRuEval and Naeval count them. nerel: also bodies "
    "named by a common noun (полиция, правительство Японии), places named by an adjective "
    "(британской) and durations, as NEREL annotates them. all: every mention, with its kind."
)


class GoldFormat(str, Enum):
    factru = "factru"
    brat = "brat"
    jsonl = "jsonl"
    runormas = "runormas"


def _sentence(text: str, capital: bool = False) -> str:
    text = text.strip()
    if not text:
        return ""
    if capital:  # never the message: it may open with a path, whose case is its own
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def say(message: str, hint: str = "") -> None:
    """One line on stderr: what went wrong and where, then what to do. Paths in it are data."""
    line = " ".join(part for part in (_sentence(message), _sentence(hint, capital=True)) if part)
    console.print(Text("error: ", style="bold red") + plain(line))


def fail(message: str, hint: str = "") -> None:
    say(message, hint)
    raise typer.Exit(code=2)


# The global options of this invocation, set by `global_options` before any command runs.
OPTIONS = {"debug": False}


def plain_errors(
    output: str | None = None, option: str = "-o", resumes: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Answer the failures a user can cause (rusnews.failures) in one line instead of a traceback.

    `output` names the command's parameter that says where it writes, and
    `option` its spelling on the command line, for the hint; `resumes` says
    that finished work stays there for a rerun.
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def answered(**params: Any) -> Any:
            from rusnews.failures import explain

            try:
                return command(**params)
            except (typer.Exit, typer.Abort):
                raise  # already answered
            except BaseException as exc:
                where = params.get(output) if output else None
                answer = None if OPTIONS["debug"] else explain(exc, where, option, resumes)
                if answer is None:
                    raise
                say(answer.message, answer.hint)
                raise typer.Exit(code=answer.code) from None

        return answered

    return decorate


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"rusnews {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
    debug: bool = typer.Option(
        False,
        "--debug",
        help="On a failure, show the Python traceback instead of a one-line message.",
    ),
) -> None:
    OPTIONS["debug"] = debug
