"""The ``jpnlp`` command line: each command is a few lines over the public API.

Errors that jpnlp raises on purpose (:class:`~jpnlp.errors.JpnlpError`)
become one line on stderr and exit code 2.  A bad file in a directory is
reported and skipped; the exit code is then 1.
"""

from __future__ import annotations

import functools
import json
import sys
import warnings
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .document import Document, prepare
from .errors import EmptyInputWarning, InputError, JpnlpError, JpnlpWarning, UsageError, printable
from .io import (
    DEFAULT_GLOB,
    RawDocument,
    atomic_write,
    check_encoding,
    check_glob,
    check_output,
    is_stdin,
    json_line,
    list_inputs,
    read_files,
    read_inputs,
    spreadsheet_safe,
    with_doc_date,
)  # fmt: skip
from .train.augment import Mix

app = typer.Typer(
    name="jpnlp",
    help="Japanese–English NLP corpus toolkit: repair, normalize, segment, annotate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class Layout(str, Enum):
    auto = "auto"
    pdf = "pdf"
    plain = "plain"
    none = "none"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class SegmentFormat(str, Enum):
    jsonl = "jsonl"
    text = "text"


PathsArg = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer needs Optional here
    typer.Argument(help="Files or directories (recursive). Omit or '-' to read stdin.", show_default=False),
]
OutOpt = Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (default: stdout).")]  # noqa: UP045
EncodingOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--encoding", help="Input encoding (default: detect UTF-8/16, Shift_JIS/CP932, EUC-JP)."),
]
LayoutOpt = Annotated[Layout, typer.Option("--layout", help="Layout repair: auto-detect, pdf (hard-wrapped), plain, none.")]
GlobOpt = Annotated[str, typer.Option("--glob", help="Which files to read inside directories.")]
DocDateOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--doc-date", help="The documents' date (YYYY-MM-DD) for 今年, 本日, a bare 19日 … "
                 "(a manifest's 'date' wins; default: each text's dateline)."),
]

GlossaryOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--glossary", help="A glossary file that extends or overrides the shipped one."),
]
FastOpt = Annotated[bool, typer.Option("--fast", help="No neural components: Sudachi tokens, rules, glossary.")]


def _model_spec(model: str | None, combine: bool) -> str | None:
    """``--model`` (a folder or a packaged name) as a checked spec; ``rules+`` in front with ``--combine``."""
    from .models import COMBINE, resolve_model

    if model is None:
        return None
    return f"{COMBINE if combine else ''}{resolve_model(model)}"


def _pipeline(glossary: Path | None, fast: bool = False):  # type: ignore[no-untyped-def]
    """The pipeline of a command: the shared one, or one with the user's glossary (a bad file: GlossaryError)."""
    from .pipeline import default_pipeline, load

    return load(glossary=glossary, fast=fast, analysis=False) if glossary else default_pipeline(fast)


def _doc_date(value: str | None) -> str | None:
    """A --doc-date value checked (a usage error otherwise)."""
    from .docdate import check_doc_date

    if value is None:
        return None
    try:
        return check_doc_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--doc-date") from None


def _say(message: str) -> None:
    """One plain line on stderr (no wrapping, no markup; file names escaped so that they cannot break the line)."""
    sys.stderr.write(printable(message) + "\n")


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # type: ignore[no-untyped-def]
    """jpnlp's own warnings as one ``warning:`` line, without Python's source location."""
    if issubclass(category, JpnlpWarning):
        _say(f"warning: {message}")
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


_python_showwarning = warnings.showwarning


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jpnlp {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """jpnlp command line."""
    warnings.showwarning = _show_warning


class _Run:
    """Reads inputs, reports progress and failures, counts what went wrong.

    Everything that can be checked before reading is checked when it is made (the encoding, the glob, the
    input files, an output that is also an input), so that a bad setting changes nothing on disk.
    """

    def __init__(
        self, paths: list[Path] | None, encoding: str | None, glob: str, output: Path | None = None
    ) -> None:
        self.failed = 0
        self.read = 0
        self.encoding = check_encoding(encoding)
        self.glob = check_glob(glob)
        self.stdin = is_stdin(paths)
        self.files = [] if self.stdin else list_inputs([str(p) for p in paths or []], glob)
        self.output = output
        if output is not None:
            check_output(output, [f for f, _ in self.files])

    def raws(self) -> Iterator[RawDocument]:
        """The inputs as read, with a progress bar (and ETA) on a terminal; bad files reported and skipped."""
        show = len(self.files) > 1 and err.is_terminal
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            disable=not show,
            transient=True,
        ) as progress:
            task = progress.add_task("documents", total=None if self.stdin else len(self.files))
            items = read_inputs(["-"], self.encoding) if self.stdin else read_files(self.files, self.encoding)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", EmptyInputWarning)
                for item in items:
                    for w in caught:
                        _say(f"warning: {w.message}")
                    caught.clear()
                    progress.advance(task)
                    if isinstance(item, InputError):
                        self.failed += 1
                        _say(f"error: {item}")
                        continue
                    if item.path and item.encoding != "utf-8":
                        _say(f"{item.path}: read as {item.encoding}")
                    self.read += 1
                    yield item

    def documents(self, layout: Layout) -> Iterator[Document]:
        for raw in self.raws():
            yield prepare(raw, layout=layout.value)  # type: ignore[arg-type]

    def document_failed(self, raw: RawDocument, reason: str) -> None:
        self.failed += 1
        _say(f"error: {raw.path or raw.doc_id}: {reason}")

    def check_read(self) -> None:
        """Stop before an output replaces an earlier one when nothing at all was read (exit 2, or 1 after bad files)."""
        if self.read:
            return
        kept = f"; {self.output} left as it was" if self.output is not None else ""
        if self.failed:
            _say(f"error: no input could be read{kept}")
            raise typer.Exit(1)
        _say(f"error: no input files (none matches --glob {self.glob!r}){kept}")
        raise typer.Exit(2)

    def finish(self) -> None:
        self.check_read()
        if self.failed:
            _say(f"{self.failed} input(s) failed")
            raise typer.Exit(1)


def _write(output: Path | None, lines: Iterator[str], run: _Run) -> None:
    """Write ``lines`` to ``output`` (atomically) or stdout; an output is replaced only if something was read."""
    if output is None:
        for line in lines:
            sys.stdout.write(line)
        sys.stdout.flush()
        return
    with atomic_write(output) as fh:
        for line in lines:
            fh.write(line)
        run.check_read()  # raising here drops the new file: the earlier one stays


def _guard(fn):  # type: ignore[no-untyped-def]
    """Turn deliberate errors into one line and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return fn(*args, **kwargs)
        except JpnlpError as e:
            _say(f"error: {e}")
            raise typer.Exit(2) from None

    return wrapper


@app.command()
@_guard
def normalize(
    paths: PathsArg = None,
    output: OutOpt = None,
    encoding: EncodingOpt = None,
    layout: LayoutOpt = Layout.auto,
    glob: GlobOpt = DEFAULT_GLOB,
) -> None:
    """Repair layout and normalize width; print blocks separated by blank lines."""
    run = _Run(paths, encoding, glob, output)

    def lines() -> Iterator[str]:
        for doc in run.documents(layout):
            yield doc.text + "\n"

    _write(output, lines(), run)
    run.finish()


@app.command()
@_guard
def segment(
    paths: PathsArg = None,
    output: OutOpt = None,
    format: Annotated[SegmentFormat, typer.Option("--format", "-f", help="jsonl (one sentence per line) or text.")] = SegmentFormat.jsonl,
    encoding: EncodingOpt = None,
    layout: LayoutOpt = Layout.auto,
    glob: GlobOpt = DEFAULT_GLOB,
) -> None:
    """Split documents into sentences with normalized text and raw offsets."""
    run = _Run(paths, encoding, glob, output)

    def lines() -> Iterator[str]:
        for doc in run.documents(layout):
            for s in doc.sentences:
                if format is SegmentFormat.jsonl:
                    yield json_line(s.to_dict())
                else:
                    yield s.text + "\n"
            if format is SegmentFormat.text:
                yield "\n"

    _write(output, lines(), run)
    run.finish()


@app.command()
@_guard
def extract(
    paths: PathsArg = None,
    output: OutOpt = None,
    encoding: EncodingOpt = None,
    layout: LayoutOpt = Layout.auto,
    glob: GlobOpt = DEFAULT_GLOB,
    glossary: GlossaryOpt = None,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--model", help="A trained model (a jpnlp train folder, or jpnlp-ner: the packaged one) in place "
                     "of the rules for TREATY/LEADER/DATE."),
    ] = None,
    combine: Annotated[
        bool, typer.Option("--combine", help="With --model: keep the rules' spans and add the model's where the rules found none.")
    ] = False,
    fast: FastOpt = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="With -o: skip documents an interrupted run already did (same text and settings).")
    ] = False,
    shard_docs: Annotated[
        int, typer.Option("--shard-docs", min=0, help="With -o: write a folder of JSONL shards of this many documents.")
    ] = 0,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="With -o: documents processed in parallel processes (same output).")
    ] = 1,
    doc_date: DocDateOpt = None,
) -> None:
    """Find treaties, leaders, dates and tallies; one JSON object per document (JSON Lines)."""
    from .dataset.engines import check_workers
    from .extract import check_shard_folder, extract_to, journal_path, safe_lines
    from .journal import file_digest, tree_digest
    from .models import split_spec

    if output is None and (resume or shard_docs or workers > 1):
        hint = "--resume" if resume else "--shard-docs" if shard_docs else "--workers"
        raise typer.BadParameter("needs -o/--output", param_hint=hint)
    check_workers(workers)
    date = _doc_date(doc_date)
    run = _Run(paths, encoding, glob, output)
    if combine and model is None:
        raise typer.BadParameter("needs --model", param_hint="--combine")
    model = _model_spec(model, combine)
    if output is not None and shard_docs:
        check_shard_folder(output, [f for f, _ in run.files])
    nlp = _pipeline(glossary, fast)
    raws = with_doc_date(run.raws(), date)
    if output is None:
        _write(None, safe_lines(raws, nlp, str(model) if model else None, layout.value, run.document_failed), run)
        run.finish()
        return
    settings = {
        "fast": fast,
        "glossary": file_digest(glossary),
        "model": tree_digest(split_spec(model)[0]) if model else None,  # a model retrained in place is a new model
        "combine": combine,
        "encoding": encoding,
    }
    try:
        result = extract_to(
            raws, output, nlp, settings=settings, model=str(model) if model else None, layout=layout.value,
            resume=resume, shard_docs=shard_docs, on_error=run.document_failed, check=run.check_read,
            workers=workers, pipeline=(str(glossary) if glossary else None, fast),
        )  # fmt: skip
    except KeyboardInterrupt:
        _say(f"interrupted; the documents done so far are kept in {journal_path(output)}: "
             "run the same command with --resume to go on")  # fmt: skip
        raise typer.Exit(130) from None
    if result.resumed:
        _say(f"{output}: {result.resumed} of {result.documents} documents from the interrupted run")
    run.finish()


@app.command()
@_guard
def build(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(help="Corpus files or directories (default: corpus/).", show_default=False),
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Where the dataset folder goes.")] = Path("data"),
    name: Annotated[str, typer.Option("--name", help="Dataset name: the folder under OUTPUT.")] = "jpnlp-arms-control",
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing dataset.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Documents processed in parallel processes.")] = 1,
    ratios: Annotated[str, typer.Option("--ratios", help="train,validation,test fractions.")] = "0.7,0.15,0.15",
    seed: Annotated[int, typer.Option("--seed", help="Seed of the split assignment.")] = 13,
    gold: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--gold", help="Gold for the gold split: corrections from jpnlp import (a file or folder), or a "
                     "folder of <doc>.segments.jsonl/.entities.jsonl (default: corpus/annotations/)."),
    ] = None,
    no_gold: Annotated[bool, typer.Option("--no-gold", help="No gold split.")] = False,
    from_hf: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--from-hf", help="Also read texts from a Hugging Face dataset on disk (folder or file; hub:NAME for the Hub)."),
    ] = None,
    text_column: Annotated[str, typer.Option("--text-column", help="Text column of --from-hf.")] = "text",
    id_column: Annotated[
        Optional[str], typer.Option("--id-column", help="Document id column of --from-hf (default: row number).")  # noqa: UP045
    ] = None,
    date_column: Annotated[
        Optional[str], typer.Option("--date-column", help="Document date column (YYYY-MM-DD) of --from-hf.")  # noqa: UP045
    ] = None,
    glossary: GlossaryOpt = None,
    fast: FastOpt = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip documents an interrupted build already did (same text and settings).")
    ] = False,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes, or Ray actors (the 'ray' extra).")] = "local",  # type: ignore[assignment]
    ray_address: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--ray-address", help="Ray cluster to use with --engine ray ('auto', 'ray://host:10001').",
                     envvar="RAY_ADDRESS", show_envvar=False),
    ] = None,
    doc_date: DocDateOpt = None,
    full: Annotated[
        bool, typer.Option("--full", help="Also build every real-text collection corpus/real/*/ (each with its manifest.json).")
    ] = False,
    exclude: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option("--exclude", help="An evaluation set (JSON Lines with 'text') whose sentences never go to train/validation "
                     "(tests/data/real/*.jsonl always)."),
    ] = None,
) -> None:
    """Build the entity-annotated dataset: Parquet + card, save_to_disk, spaCy DocBin, CoNLL."""
    from .dataset import build_dataset, journal_path
    from .dataset.splits import SplitConfig

    try:
        split = SplitConfig.parse(ratios, seed)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--ratios") from None
    if gold is not None and no_gold:
        raise UsageError("--gold and --no-gold: choose one")
    try:
        result = build_dataset(
            [str(p) for p in paths] if paths else None, output, name, overwrite=overwrite, workers=workers,
            split=split, gold=False if no_gold else (str(gold) if gold else True), from_hf=from_hf, text_column=text_column, id_column=id_column, date_column=date_column,
            glossary=str(glossary) if glossary else None, progress=err.is_terminal, fast=fast,
            resume=resume, engine=Engine(engine).value, ray_address=ray_address, doc_date=_doc_date(doc_date),
            full=full, exclude=list(exclude or []),
        )  # fmt: skip
    except KeyboardInterrupt:
        _say(f"interrupted; the documents done so far are kept in {journal_path(output, name)}: "
             "run the same command with --resume to go on")  # fmt: skip
        raise typer.Exit(130) from None
    rows = ", ".join(f"{k} {v}" for k, v in result.split_rows.items())
    resumed = f" ({result.resumed} from the interrupted build)" if result.resumed else ""
    typer.echo(f"{result.path}: {result.documents} documents{resumed}; sentences: {rows}; {result.retokenized} tokens split at entity boundaries")
    if result.excluded:
        _say(f"dropped {result.excluded.get('train', 0)} train and {result.excluded.get('validation', 0)} validation "
             "sentences found in an evaluation set")
    for f in result.failed:
        _say(f"error: {f['path'] or f['doc_id']}: {f['error']}")
    if result.failed:
        _say(f"{len(result.failed)} document(s) failed; see {result.path / 'errors.jsonl'}")
        raise typer.Exit(1)


class VotesFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


VOTE_COLUMNS = (
    "doc_id", "for", "against", "abstain", "other", "total", "result", "body", "body_ja", "date",
    "subject_ja", "subject_en", "text", "raw_start", "raw_end", "sentence", "notes", "doc_date", "doc_title", "source",
)  # fmt: skip


@app.command()
@_guard
def votes(
    paths: PathsArg = None,
    output: OutOpt = None,
    format: Annotated[VotesFormat, typer.Option("--format", "-f", help="json (one array), jsonl or csv.")] = VotesFormat.jsonl,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a UTF-8 BOM so Excel reads it as UTF-8.")] = False,
    encoding: EncodingOpt = None,
    layout: LayoutOpt = Layout.auto,
    glob: GlobOpt = DEFAULT_GLOB,
    glossary: GlossaryOpt = None,
) -> None:
    """Extract vote tallies: one record per tally with its document id."""
    import csv
    import io

    from .glossary import Glossary
    from .votes import document_votes

    run = _Run(paths, encoding, glob, output)
    # the tallies come from rules, not the pipeline: the glossary names their subjects
    g = Glossary.load(glossary) if glossary else None

    def records() -> Iterator[dict]:
        for doc in run.documents(layout):
            for t in document_votes(doc, g):
                yield t.to_dict()

    def lines() -> Iterator[str]:
        if format is VotesFormat.jsonl:
            for r in records():
                yield json_line(r)
        elif format is VotesFormat.json:
            yield json.dumps(list(records()), ensure_ascii=False, indent=2) + "\n"
        else:
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=VOTE_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
            if bom:
                yield "\ufeff"
            writer.writeheader()
            for r in records():
                r["notes"] = "; ".join(r["notes"])
                writer.writerow({k: spreadsheet_safe(v) for k, v in r.items()})
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
            yield buf.getvalue()

    _write(output, lines(), run)
    run.finish()


@app.command()
@_guard
def report(
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file.")] = Path("report.html"),
    dataset: Annotated[
        Optional[Path], typer.Option("--dataset", help="Review a built dataset (gold beside silver) instead.")  # noqa: UP045
    ] = None,
    encoding: EncodingOpt = None,
    layout: LayoutOpt = Layout.auto,
    glob: GlobOpt = DEFAULT_GLOB,
    glossary: GlossaryOpt = None,
    fast: FastOpt = False,
) -> None:
    """Write one self-contained HTML file: highlighted entities, English names, vote tables, summaries."""
    from .report import render, render_dataset

    if dataset is not None:
        page = render_dataset(dataset, f"jpnlp dataset report: {dataset.name}")
        with atomic_write(output) as fh:
            fh.write(page)
        typer.echo(f"wrote {output}")
        return

    run = _Run(paths, encoding, glob, output)
    docs = list(_documents(run, layout, glossary, fast))
    run.check_read()
    with atomic_write(output) as fh:
        fh.write(render(docs))
    typer.echo(f"wrote {output}")
    run.finish()


def _documents(run: _Run, layout: Layout, glossary: Path | None, fast: bool) -> Iterator[Document]:
    """The documents of every input: texts through the pipeline (loaded when first needed), ``extract`` records
    and corrected files as they are (see :mod:`jpnlp.review.detect`)."""
    from .pipeline import process
    from .review.detect import documents

    def annotate(raw: RawDocument) -> Document:
        return process(prepare(raw, layout=layout.value), _pipeline(glossary, fast))  # type: ignore[arg-type]

    for raw in run.raws():
        yield from documents(raw, annotate)


class ReviewFormat(str, Enum):
    labelstudio = "labelstudio"
    doccano = "doccano"
    spacy = "spacy"
    passages = "passages"


@app.command("export")
@_guard
def export_cmd(
    format: Annotated[ReviewFormat, typer.Argument(help="labelstudio (tasks JSON), doccano or spacy (JSONL), passages.")],
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to correct in the annotation tool.")] = Path("review.json"),
    encoding: EncodingOpt = None,
    layout: LayoutOpt = Layout.auto,
    glob: GlobOpt = DEFAULT_GLOB,
    glossary: GlossaryOpt = None,
    fast: FastOpt = False,
) -> None:
    """Write documents for review: texts (run through the pipeline) or extract records, with entities and votes."""
    from .review import FORMATS
    from .review.records import from_document

    run = _Run(paths, encoding, glob, output)
    records = [from_document(d) for d in _documents(run, layout, glossary, fast)]
    _write(output, iter([FORMATS[format.value].write(records)]), run)
    typer.echo(f"wrote {output}: {len(records)} documents")
    run.finish()


@app.command("import")
@_guard
def import_cmd(
    format: Annotated[ReviewFormat, typer.Argument(help="The format of the corrected file.")],
    path: Annotated[Path, typer.Argument(help="A corrected file (from jpnlp export, after review).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The gold file (passages format).")] = Path("gold.jsonl"),
) -> None:
    """Check a corrected file against its texts and write it as gold: for jpnlp build --gold and jpnlp eval --passages."""
    from .review import passages as gold_format
    from .review.gold import read_file

    check_output(output, [path])
    records = read_file(path, format.value)  # every span checked before anything is written
    with atomic_write(output) as fh:
        fh.write(gold_format.write(records))
    typer.echo(f"wrote {output}: {len(records)} documents, {sum(len(r['entities']) for r in records)} entities, "
               f"{sum(len(r['votes']) for r in records)} votes")  # fmt: skip


MIX = Mix()  # the training mix's defaults (jpnlp train spacy --gold-repeat … --seed)
train_app = typer.Typer(help="Train NER models on a built dataset (needs the 'train' extra).", no_args_is_help=True)
app.add_typer(train_app, name="train")
DataOpt = Annotated[Path, typer.Option("--data", help="A dataset folder written by jpnlp build.")]


@train_app.command("spacy")
@_guard
def train_spacy_cmd(
    data: DataOpt = Path("data/jpnlp-arms-control"),
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("models/spacy-ner"),
    base: Annotated[str, typer.Option("--base", help="ginza (ja_ginza's tok2vec, frozen) or scratch (own tok2vec).")] = "ginza",
    min_agreement: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--min-agreement", min=0.0, max=1.0,
                     help="Train only on gold rows and silver rows whose ginza_agreement is at least this."),
    ] = None,
    max_steps: Annotated[Optional[int], typer.Option("--max-steps", min=1, help="Override the config's max_steps.")] = None,  # noqa: UP045
    extra_gold: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option("--extra-gold", help="Hand-annotated passages (JSON Lines, the passages format) added to train as "
                     "gold rows (repeatable; never a held-out set)."),
    ] = None,
    gold_repeat: Annotated[int, typer.Option("--gold-repeat", min=1, help="Copies of each gold train row.")] = MIX.gold_repeat,
    dense_repeat: Annotated[int, typer.Option("--dense-repeat", min=1, help="Copies of each silver row with a mention.")] = MIX.dense_repeat,
    empty_keep: Annotated[float, typer.Option("--empty-keep", min=0.0, max=1.0, help="Share of silver rows without a mention kept.")] = MIX.empty_keep,
    replace: Annotated[int, typer.Option("--replace", min=0, help="Mention-replaced copies of each row with a TREATY/LEADER.")] = MIX.replace,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the resampling and the replacements.")] = MIX.seed,
    no_mix: Annotated[bool, typer.Option("--no-mix", help="Train on the built rows as they are (no resampling, no replacement).")] = False,
) -> None:
    """Train a spaCy NER model with spacy train on the dataset's train/validation rows (silver and gold)."""
    from .train.augment import NO_MIX
    from .train.spacy_ner import train_spacy

    overrides = {"training.max_steps": max_steps} if max_steps else None
    mix = NO_MIX if no_mix else Mix(gold_repeat, dense_repeat, empty_keep, replace, seed)
    m = train_spacy(data, output, base, overrides, min_agreement, extra_gold, mix)
    typer.echo(f"{output}: micro F1 {m['scores']['micro avg']['f1-score']:.3f} on {m['eval_split']} ({m['train_seconds']} s)")


@train_app.command("tokenizer")
@_guard
def train_tokenizer_cmd(
    data: DataOpt = Path("data/jpnlp-arms-control"),
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("models/tokenizer"),
    extra: Annotated[Optional[list[Path]], typer.Option("--extra", help="More text files to learn pieces from.")] = None,  # noqa: UP045
    corpus: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option("--corpus", help="Raw corpus text: a folder of .txt files (all of them, recursively) or a file."),
    ] = None,
    vocab_size: Annotated[int, typer.Option("--vocab-size", help="Upper bound; capped at what the text supports.")] = 4000,
) -> None:
    """Train a SentencePiece unigram tokenizer (dataset and/or raw corpus text); save it as a fast tokenizer."""
    from .train.tokenizer import train_tokenizer

    info = train_tokenizer(output, data if data.exists() or not corpus else None, [*(extra or []), *(corpus or [])], vocab_size)
    typer.echo(f"{output}: {info['vocab_size']} pieces from {info['characters']} characters")


@train_app.command("transformer")
@_guard
def train_transformer_cmd(
    data: DataOpt = Path("data/jpnlp-arms-control"),
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("models/transformer-ner"),
    base: Annotated[Optional[Path], typer.Option("--base", help="A pretrained checkpoint on disk to fine-tune.")] = None,  # noqa: UP045
    tokenizer: Annotated[Optional[Path], typer.Option("--tokenizer", help="A tokenizer from jpnlp train tokenizer.")] = None,  # noqa: UP045
    random_init: Annotated[
        bool, typer.Option("--random-init", help="With --base: its tokenizer and architecture, random weights (the baseline).")
    ] = False,
    epochs: Annotated[Optional[int], typer.Option("--epochs", help="Default: enough for about 1,200 steps.")] = None,  # noqa: UP045
    max_steps: Annotated[Optional[int], typer.Option("--max-steps")] = None,  # noqa: UP045
    learning_rate: Annotated[float, typer.Option("--lr")] = 5e-4,
    batch_size: Annotated[int, typer.Option("--batch-size")] = 16,
    seed: Annotated[int, typer.Option("--seed")] = 13,
    threads: Annotated[int, typer.Option("--threads", help="torch CPU threads (1 suits a shared machine).")] = 1,
) -> None:
    """Train a token-classification transformer (small, from scratch, unless --base)."""
    from .train.transformer import train_transformer

    m = train_transformer(data, output, base, tokenizer, epochs=epochs, max_steps=max_steps, batch_size=batch_size,
                          learning_rate=learning_rate, seed=seed, random_init=random_init, threads=threads)  # fmt: skip
    typer.echo(f"{output}: micro F1 {m['scores']['micro avg']['f1-score']:.3f} on {m['eval_split']} ({m['train_seconds']} s)")


@train_app.command("pretrain")
@_guard
def train_pretrain_cmd(
    corpus: Annotated[list[Path], typer.Option("--corpus", help="Raw corpus text: folders of .txt files (recursively) or files.")],
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("models/encoder-mlm"),
    tokenizer: Annotated[Optional[Path], typer.Option("--tokenizer", help="Reuse a tokenizer (default: learn one).")] = None,  # noqa: UP045
    steps: Annotated[int, typer.Option("--steps", help="Optimizer steps (0: save the untrained encoder).")] = 1000,
    layers: Annotated[int, typer.Option("--layers")] = 4,
    hidden: Annotated[int, typer.Option("--hidden")] = 256,
    seq_len: Annotated[int, typer.Option("--seq-len", help="Pieces per block.")] = 128,
    batch_size: Annotated[int, typer.Option("--batch-size")] = 16,
    vocab_size: Annotated[int, typer.Option("--vocab-size")] = 8000,
    max_minutes: Annotated[Optional[float], typer.Option("--max-minutes", help="Stop after this long (recorded).")] = None,  # noqa: UP045
    seed: Annotated[int, typer.Option("--seed")] = 13,
    threads: Annotated[int, typer.Option("--threads", help="torch CPU threads (1 suits a shared machine).")] = 1,
) -> None:
    """Masked-LM pretraining of a small encoder (and its SentencePiece tokenizer) on raw corpus text."""
    from .train.pretrain import EncoderSize, pretrain

    size = EncoderSize(layers=layers, hidden=hidden, heads=max(1, hidden // 64), intermediate=4 * hidden)
    m = pretrain(corpus, output, tokenizer, size, steps=steps, seq_len=seq_len, batch_size=batch_size,
                 vocab_size=vocab_size, max_minutes=max_minutes, seed=seed, threads=threads)  # fmt: skip
    typer.echo(f"{output}: {m['steps']} steps over {m['characters']} characters, held-out MLM loss "
               f"{m['held_out_loss']} ({m['train_seconds']} s)")  # fmt: skip


@train_app.command("all")
@_guard
def train_all_cmd(
    data: DataOpt = Path("data/jpnlp-arms-control"),
    models: Annotated[Path, typer.Option("--models", help="Where the models go.")] = Path("models"),
    second_set: Annotated[Path, typer.Option("--second-set")] = Path("tests/data/entities_second_set.jsonl"),
) -> None:
    """The full default training: spaCy (scratch, GiNZA tok2vec), tokenizer, transformer, comparison, models/README.md."""
    from .train.metrics import evaluate_models
    from .train.report import write_report
    from .train.spacy_ner import train_spacy
    from .train.tokenizer import train_tokenizer
    from .train.transformer import train_transformer

    for base in ("scratch", "ginza"):
        train_spacy(data, models / f"spacy-ner-{base}", base)
    train_tokenizer(models / "tokenizer", data)
    train_transformer(data, models / "transformer-ner", tokenizer_dir=models / "tokenizer")
    from .train.report import model_specs

    comparison = evaluate_models(data, model_specs(models), "gold", second_set if second_set.exists() else None)
    typer.echo(f"wrote {write_report(models, comparison)}")


@train_app.command("package")
@_guard
def train_package_cmd(
    model: Annotated[Path, typer.Argument(help="A jpnlp train spacy folder (its model-best is shipped).")],
    name: Annotated[str, typer.Option("--name", help="The name it loads by (jpnlp extract --model NAME).")] = "jpnlp-ner",
) -> None:
    """Ship a trained spaCy model inside the package (src/jpnlp/data/models/NAME) so --model NAME works offline."""
    from .train.package import package_model

    typer.echo(f"wrote {package_model(model, name)}")


@train_app.command("release")
@_guard
def train_release_cmd(
    corpus: Annotated[Path, typer.Option("--corpus", help="The corpus folder (with real/*/ collections).")] = Path("corpus"),
    output: Annotated[Path, typer.Option("-o", "--output", help="Where the full dataset goes.")] = Path("data"),
    models: Annotated[Path, typer.Option("--models", help="Where the trained model goes.")] = Path("models"),
    exclude: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option("--exclude", help="More evaluation sets kept out of training (tests/data/real/*.jsonl always)."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1)] = 1,
    extra_gold: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option("--extra-gold", help="Gold passages trained on (default: tests/data/real/develop.jsonl)."),
    ] = None,
) -> None:
    """Rebuild the shipped jpnlp-ner: jpnlp build --full, train the scratch spaCy model (with the develop gold
    passages and the default training mix), package it."""
    from .train.package import release

    r = release(corpus, output, models, list(exclude or []), workers, extra_gold)
    typer.echo(f"{r['model']}: micro F1 {r['micro_f1']} on the gold split, {r['size_mb']} MB, from {r['dataset']} "
               f"(dropped as evaluation text: {r['excluded']})")


@train_app.command("report")
@_guard
def train_report_cmd(
    models: Annotated[Path, typer.Option("--models", help="Folder holding trained models.")] = Path("models"),
    compare: Annotated[bool, typer.Option("--compare/--no-compare", help="Also score every model, the rules and GiNZA.")] = True,
    data: DataOpt = Path("data/jpnlp-arms-control"),
    second_set: Annotated[Path, typer.Option("--second-set")] = Path("tests/data/entities_second_set.jsonl"),
    bench: Annotated[
        Path, typer.Option("--bench", help="JSON written by benchmarks/bench_models.py (left out if missing).")
    ] = Path("benchmarks/results/models.json"),
) -> None:
    """Write models/README.md: one row per model from its metrics.json, the comparison and the passages benchmark."""
    from .train.metrics import evaluate_models
    from .train.report import model_specs, write_report

    comparison = None
    if compare:
        comparison = evaluate_models(data, model_specs(models), "gold", second_set if second_set.exists() else None)
    bench_result = None
    if bench.is_file():
        try:
            bench_result = json.loads(bench.read_text(encoding="utf-8"))
        except ValueError:
            raise InputError(bench, "not JSON written by benchmarks/bench_models.py") from None
    typer.echo(f"wrote {write_report(models, comparison, bench_result)}")


glossary_app = typer.Typer(help="Check the glossary and find what it is missing.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("check")
@_guard
def glossary_check(
    path: Annotated[Optional[Path], typer.Argument(help="Glossary file (default: the shipped one).")] = None,  # noqa: UP045
) -> None:
    """Validate a glossary: ids, labels, fields, forms claimed twice."""
    from .glossary import _builtin_entries, _read_yaml, check, check_file, parse_entries

    if path is None:
        entries, name = list(_builtin_entries()), "jpnlp/data/glossary.yaml"
        problems = check(entries)
    else:
        entries, name = parse_entries(_read_yaml(path), str(path)), str(path)
        problems = check_file(path)
    for p in problems:
        _say(f"{name}: {p}")
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{name}: {len(entries)} entries, no problems")


class SuggestFormat(str, Enum):
    yaml = "yaml"
    tsv = "tsv"


@glossary_app.command("suggest")
@_guard
def glossary_suggest(
    paths: PathsArg = None,
    output: OutOpt = None,
    format: Annotated[
        SuggestFormat, typer.Option("--format", "-f", help="yaml (a glossary file to edit) or tsv (count, label, form).")
    ] = SuggestFormat.yaml,
    encoding: EncodingOpt = None,
    glob: GlobOpt = DEFAULT_GLOB,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Only names seen at least this often.")] = 1,
    limit: Annotated[
        Optional[int], typer.Option("--limit", min=1, help="At most this many entries (most frequent first).")  # noqa: UP045
    ] = None,
    glossary: GlossaryOpt = None,
    fast: FastOpt = False,
) -> None:
    """Propose glossary entries for the TREATY/LEADER names the glossary cannot align, most frequent first."""
    from .glossary.suggest import suggest, to_tsv, to_yaml
    from .pipeline import process

    run = _Run(paths, encoding, glob, output)
    nlp = _pipeline(glossary, fast)
    docs = (process(doc, nlp) for doc in run.documents(Layout.auto))
    cands = suggest(docs, nlp.get_pipe("jpnlp_linker").glossary, min_count, limit)
    run.check_read()
    _write(output, iter([to_yaml(cands) if format is SuggestFormat.yaml else to_tsv(cands)]), run)
    run.finish()


def _user_glossary(glossary: Path | None):  # type: ignore[no-untyped-def]
    from .glossary import Glossary, default_glossary

    return Glossary.load(glossary) if glossary else default_glossary()


@glossary_app.command("show")
@_guard
def glossary_show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id (treaty.npt, leader.vladimir_putin).")],
    glossary: GlossaryOpt = None,
) -> None:
    """Print an entry as YAML after merging --glossary, with the files it comes from."""
    from .glossary.explain import show, unknown_id

    g = _user_glossary(glossary)
    if entry_id not in g.entries:
        _say(f"error: {unknown_id(g, entry_id)}")
        raise typer.Exit(1)
    sys.stdout.write(show(g, entry_id))


class GlossaryLabel(str, Enum):
    TREATY = "TREATY"
    LEADER = "LEADER"
    ORG = "ORG"
    WEAPON = "WEAPON"
    PROGRAM = "PROGRAM"
    DOCTRINE = "DOCTRINE"
    DOCUMENT = "DOCUMENT"


@glossary_app.command("lookup")
@_guard
def glossary_lookup(
    text: Annotated[str, typer.Argument(help="A mention as a text writes it (ABM条約, プーチン).")],
    label: Annotated[
        Optional[GlossaryLabel], typer.Option("--label", help="Align as this label (default: any).")  # noqa: UP045
    ] = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Say which entry a text aligns to and how; no entry: the nearest ones (exit 1)."""
    from .glossary.explain import lookup_lines

    lines, found = lookup_lines(text, _user_glossary(glossary), label.value if label else None)
    typer.echo("\n".join(lines))
    if not found:
        raise typer.Exit(1)


@app.command("eval")
@_guard
def evaluate_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="Folder with <doc>.segments.jsonl and <doc>.entities.jsonl.")] = Path("corpus/annotations"),
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder with the documents the gold annotates.")] = Path("corpus"),
    second_set: Annotated[
        Optional[Path], typer.Option("--second-set", help="Hand-written test passages (JSON Lines).")  # noqa: UP045
    ] = Path("tests/data/entities_second_set.jsonl"),
    errors: Annotated[bool, typer.Option("--errors", help="List every miss and spurious mention.")] = False,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON.")] = None,  # noqa: UP045
    model: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--model", help="rules, ginza, or a trained model folder (repeatable): seqeval on --data; "
                     "with --passages: rules or a model folder scored on the passages."),
    ] = None,
    data: Annotated[Path, typer.Option("--data", help="Dataset for --model.")] = Path("data/jpnlp-arms-control"),
    split: Annotated[str, typer.Option("--split", help="Dataset split for --model.")] = "gold",
    passages: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option("--passages", help="Real-text gold passages (JSON Lines: text, entities with offsets, votes)."),
    ] = None,
    glossary: GlossaryOpt = None,
    fast: Annotated[bool, typer.Option("--fast", help="With --passages: score fast mode.")] = False,
    combine: Annotated[
        bool, typer.Option("--combine", help="With --passages and --model: score the rules combined with each model.")
    ] = False,
) -> None:
    """Precision/recall/F1 per label, DATE value and English-name accuracy; GiNZA's own entities for comparison.

    With --model: entity-level seqeval (strict IOB2) of each model on a dataset split and on the second set.
    With --passages: jpnlp on each passages file (mentions, values, names, vote records, per source kind).
    """
    if passages and model:
        _eval_models_on_passages(model, passages, json_out)
        return
    if passages:
        specs = [_model_spec(None if m == "rules" else m, combine) for m in model or ["rules"]]
        _eval_passages(passages, glossary, fast, errors, json_out, specs)
        return
    if model:
        from .train.metrics import evaluate_models, format_reports

        reports = evaluate_models(data, model, split, second_set if second_set and second_set.exists() else None)
        typer.echo(format_reports(reports))
        if json_out:
            with atomic_write(json_out) as fh:
                json.dump(reports, fh, ensure_ascii=False, indent=2)
        return
    from .evaluate import evaluate_all, format_report

    results = evaluate_all(gold, corpus, second_set if second_set and second_set.exists() else None)
    for title, report in results.items():
        typer.echo(format_report(title, report) + "\n")
        if errors:
            for line in report.errors:
                typer.echo("  " + line)
    if json_out:
        with atomic_write(json_out) as fh:
            json.dump({k: r.to_dict() for k, r in results.items()}, fh, ensure_ascii=False, indent=2)


def _eval_passages(
    files: list[Path], glossary: Path | None, fast: bool, errors: bool, json_out: Path | None,
    models: list[str | None] | None = None,
) -> None:  # fmt: skip
    from .evaluate_passages import format_passage_report, score_passages
    from .passages import read_passages

    sets = {f: read_passages(f) for f in files}  # every file checked before any work
    nlp = _pipeline(glossary, fast)
    results = {}
    for spec in models or [None]:
        for f, items in sets.items():
            report = score_passages(items, nlp, spec)
            results[str(f) if spec is None else f"{f} with {spec}"] = report.to_dict()
            what = f"{'fast' if fast else 'full'} mode{'' if spec is None else ', model ' + spec}"
            typer.echo(format_passage_report(f"{f} ({what})", report) + "\n")
            if errors:
                typer.echo("\n".join("  " + line for line in report.errors) + "\n")
    if json_out:
        with atomic_write(json_out) as fh:
            json.dump(results, fh, ensure_ascii=False, indent=2)


def _eval_models_on_passages(models: list[str], files: list[Path], json_out: Path | None) -> None:
    from .train.passage_scores import format_scores, score_on_passages

    results = {}
    for m in models:
        results[m] = score_on_passages(None if m == "rules" else m, files)
        typer.echo(format_scores(m, results[m]))
    if json_out:
        with atomic_write(json_out) as fh:
            json.dump(results, fh, ensure_ascii=False, indent=2)


def run() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    run()
