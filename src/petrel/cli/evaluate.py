"""``petrel eval``"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from petrel.cli._app import app, make_settings, user_errors

BASELINE = Path("eval/baseline.json")


@app.command("eval")
@user_errors
def evaluate(
    eval_dir: Path = typer.Option(None, help="labelled data folder (default ../shared/eval)"),
    sets: list[str] = typer.Option(None, "--set", help="only these sets (repeatable)"),
    baseline: Path = typer.Option(BASELINE, help="baseline file with the pinned floors"),
    check: bool = typer.Option(False, help="exit 1 if any figure is below its floor"),
    update_baseline: bool = typer.Option(False, help="raise floors to the measured figures (never lowers one)"),
    coders: bool = typer.Option(False, "--coders", help="compare rules alone, the event model alone and both "
                                "(on the sentence sets and the seeds; no floors checked)"),
    ablate: list[str] = typer.Option(None, "--ablate", metavar="RULE_ID", help="switch one rule off and print "
                                     "the scorecard delta on the sentence sets (repeatable; 'all': every "
                                     "registered rule; a lexicon entry id works too; no floors checked)"),
) -> None:
    """Score petrel on the labelled sets and print the scorecard."""
    from petrel.evaluation import (
        check_against_baseline, compare_coders, load_floors, render_comparison, render_scorecard, run_scorecard,
        write_baseline,
    )

    settings = make_settings(None, eval_dir=eval_dir)
    if ablate:
        from petrel.evaluation.__main__ import ablation_report

        Console(highlight=False, soft_wrap=True, emoji=False).print(ablation_report(settings, ablate, sets or None),
                                                                  markup=False)
        return
    if coders:
        Console().print(render_comparison(compare_coders(settings, sets=sets or None)))
        return
    card = run_scorecard(settings, sets=sets or None)
    console = Console()
    floors = load_floors(baseline) if baseline.exists() else None
    console.print(render_scorecard(card, floors=floors))
    if update_baseline:
        write_baseline(card, baseline)
        console.print(f"floors raised where the measure improved: {baseline}")
    regressions = check_against_baseline(card, baseline) if baseline.exists() else []
    for r in regressions:
        console.print(f"[red]below floor[/] {r}")
    if check and regressions:
        raise typer.Exit(1)
