"""The bilingual glossary: canonical English names and stable ids for Japanese mentions.

The data file ``jpnlp/data/glossary.yaml`` holds one entry per concept::

    - id: treaty.start_ii
      label: TREATY
      en: START II
      en_full: Treaty Between the United States of America and the Russian Federation on …
      ja: [第二次戦略兵器削減条約]
      abbr: [START II, STARTII]

Matching is robust to width, spacing, middle dots, quotes and brackets,
hyphens, case and roman-numeral spelling (``ＳＴＡＲＴⅡ`` = ``START II`` =
``START-2``): :func:`match_key` reduces every form and every mention to one
key.  Users extend or correct the shipped glossary with their own files
(:meth:`Glossary.load`).  An entry whose id already exists *merges* into it:
its ``ja``/``abbr``/``ambiguous_forms`` are added to the existing forms and
every other field it gives (``en``, ``note``, ``offices`` …) wins.  With
``replace: true`` it replaces the entry instead (a :class:`GlossaryWarning`
says how many forms that drops).  Changing an entry's label is an error.

:meth:`Glossary.check` lists every problem (duplicate ids, a form claimed by
two entries, unknown labels, missing fields) and :class:`GlossaryError`
names the file.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import JpnlpError, JpnlpWarning
from ..normalize import normalize
from ..tables import old_forms, read_table

LABELS = ("TREATY", "LEADER", "ORG", "WEAPON", "PROGRAM", "DOCTRINE", "DOCUMENT")
_REQUIRED = ("id", "label", "en")
_TEXT_KEYS = ("id", "label", "en", "en_full", "note", "country", "wikidata")
_OFFICE_TEXT = ("title_en", "title_ja")
_MAX_BYTES = 8 * 1024 * 1024  # a glossary is hand-written: megabytes are a mistake or an attack
_KNOWN_KEYS = frozenset(
    {"id", "label", "en", "en_full", "ja", "abbr", "note", "ambiguous_forms", "signed", "in_force", "country", "offices",
     "wikidata", "replace"}
)
_ID_RE = re.compile(r"^[a-z]+\.[a-z0-9_]+$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_DROP = re.compile(r"[\s・･=＝\-‐「」『』\"“”'’`、,，]")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "x": "10"}
# A roman numeral glued to the end of a Latin word (STARTII, SALTI): spell it as digits.
_ROMAN_SUFFIX = re.compile(r"(?<=[a-z])(viii|vii|vi|iv|iii|ii|i|v|x)(?![a-z])")


class GlossaryError(JpnlpError):
    """A glossary file is malformed; the message names the file and every problem."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        shown = "; ".join(problems[:10]) + (f"; … {len(problems) - 10} more" if len(problems) > 10 else "")
        super().__init__(f"{path}: invalid glossary: {shown}")


class GlossaryWarning(JpnlpWarning):
    """A user glossary did something the user may not have meant (``replace: true`` dropping forms)."""


# Katakana spellings of one foreign sound that writers use interchangeably (ヴェトナム/ベトナム,
# グロムィコ/グロムイコ, ウィーン/ウイーン); a hyphen or minus typed for the long-vowel mark inside a
# katakana name (ブルガ−ニン, as OCR and old typesetting give ブルガーニン).
_VU = re.compile(r"ヴ([ァィェォ]?)")
_VU_ROW = {"ァ": "バ", "ィ": "ビ", "ェ": "ベ", "ォ": "ボ", "": "ブ"}
_SMALL_VOWELS = str.maketrans("ァィゥェォ", "アイウエオ")
_LONG_MARK_TYPED = re.compile(r"(?<=[\u30a1-\u30fa])[-‐−](?=[\u30a1-\u30fa])")


def kana_fold(text: str) -> str:
    """One spelling for katakana variants of the same sound (ヴァ→バ, ィ→イ)."""
    s = _VU.sub(lambda m: _VU_ROW[m.group(1)], text) if "ヴ" in text else text
    return s.translate(_SMALL_VOWELS)


def long_marks(text: str) -> str:
    """ー for a hyphen or minus typed between two katakana (ブルガ-ニン); same length, so offsets hold.
    Only for names: between katakana *words* a hyphen may also separate a list (ブラジル-アルゼンチン)."""
    return _LONG_MARK_TYPED.sub("ー", text)


def match_key(text: str) -> str:
    """The form under which glossary entries and mentions are compared: width, case, spaces, dots, quotes,
    list separators, old character forms (條約), katakana spelling variants (ヴェ/ベ, ィ/イ) and kana spellings
    of function words (および) do not count."""
    s = kana_fold(normalize(text).lower().translate(old_forms()))
    s = _DROP.sub("", s)
    s = _spellings().sub(lambda m: _spelling_table()[m.group()], s)
    return _ROMAN_SUFFIX.sub(lambda m: _ROMAN[m.group(1)], s)


_ENGLISH_FILLER = frozenset({"the", "of", "and", "a", "an"})


def english_key(title: str) -> str:
    """An English title without articles, ``of``, ``and``, case or punctuation."""
    words = re.findall(r"[a-z0-9]+", normalize(title).lower())
    return " ".join(w for w in words if w not in _ENGLISH_FILLER)


@cache
def _spelling_table() -> dict[str, str]:
    return {r["variant"]: r["form"] for r in read_table("spelling_variants.tsv")}


@cache
def _spellings() -> re.Pattern[str]:
    # longest first, and a one-kanji form (及) only where it is not already the longer one (及び)
    variants = sorted(_spelling_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(v) + ("(?![びにはし])" if len(v) == 1 else "") for v in variants))


@dataclass(frozen=True)
class Office:
    title_en: str | None = None
    title_ja: str | None = None
    start: int | None = None  # year the office began
    end: int | None = None  # year it ended (None: still in office)


@dataclass(frozen=True)
class Entry:
    """One concept of the glossary."""

    id: str
    label: str
    en: str
    en_full: str | None = None
    ja: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    note: str | None = None
    ambiguous_forms: tuple[str, ...] = ()
    country: str | None = None
    offices: tuple[Office, ...] = ()
    wikidata: str | None = None  # Wikidata item (Q…) where the concept is one unambiguous item
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    replaces: bool = field(default=False, compare=False)  # ``replace: true``: replaces an existing id, not merged

    @property
    def forms(self) -> tuple[str, ...]:
        return self.ja + self.abbr

    def in_office(self, year: int) -> bool:
        return any((o.start or 0) <= year <= (o.end or 9999) for o in self.offices)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "en": self.en,
            "en_full": self.en_full,
            "ja": list(self.ja),
            "abbr": list(self.abbr),
            "note": self.note,
            "wikidata": self.wikidata,
        }


def _year(v: Any) -> int | None:
    if v is None or v == "":
        return None
    m = re.match(r"^\s*(\d{4})", str(v))
    return int(m.group(1)) if m else None


def _as_list(value: Any, where: str, key: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(x, (str, int)) for x in value):
        return tuple(str(x) for x in value)
    problems.append(f"{where}: '{key}' must be a list of strings")
    return ()


def parse_entries(data: Any, source: str) -> list[Entry]:
    """Entries of a loaded YAML document; raises :class:`GlossaryError` listing every problem."""
    problems: list[str] = []
    if isinstance(data, dict):
        items = data.get("entries")
    else:
        items = data
    if not isinstance(items, list):
        raise GlossaryError(source, ["expected a mapping with an 'entries' list (or a list of entries)"])
    entries: list[Entry] = []
    first: dict[str, int] = {}  # id -> the entry number that defined it
    for i, raw in enumerate(items):
        where = f"entry {i + 1}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: not a mapping")
            continue
        if "id" in raw:
            where = f"entry {i + 1} ({raw['id']})"
            if str(raw["id"]) in first:
                # within one file a second definition is a mistake; across files it is an override
                problems.append(f"{where}: id already defined by entry {first[str(raw['id'])]}")
            first.setdefault(str(raw["id"]), i + 1)
        missing = [k for k in _REQUIRED if not raw.get(k)]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        unknown = sorted(set(raw) - _KNOWN_KEYS, key=str)
        if unknown:
            problems.append(f"{where}: unknown keys {', '.join(map(str, unknown))}")
        wrong = [k for k in _TEXT_KEYS if raw.get(k) is not None and not isinstance(raw[k], (str, int, float))]
        if wrong:
            problems.append(f"{where}: {', '.join(repr(k) for k in wrong)} must be text")
            continue
        if not isinstance(raw["id"], str) or not _ID_RE.match(raw["id"]):
            problems.append(f"{where}: id must look like 'treaty.start_ii' (lowercase label, dot, slug)")
        if "replace" in raw and not isinstance(raw["replace"], bool):
            problems.append(f"{where}: 'replace' must be true or false, not {raw['replace']!r}")
        if raw.get("wikidata") is not None and not _QID_RE.match(str(raw["wikidata"])):
            problems.append(f"{where}: wikidata must be an item id like 'Q42', not {raw['wikidata']!r}")
        if not isinstance(raw["label"], str) or raw["label"] not in LABELS:
            problems.append(f"{where}: unknown label {raw['label']!r} (expected one of {', '.join(LABELS)})")
        offices = []
        listed = raw.get("offices") or []
        if not isinstance(listed, list):
            problems.append(f"{where}: 'offices' must be a list of mappings")
            listed = []
        for o in listed:
            if not isinstance(o, dict) or any(not isinstance(o.get(k), (str, type(None))) for k in _OFFICE_TEXT):
                problems.append(f"{where}: each office must be a mapping with text titles")
                continue
            offices.append(Office(o.get("title_en"), o.get("title_ja"), _year(o.get("from")), _year(o.get("to"))))
        entries.append(
            Entry(
                id=str(raw["id"]),
                label=str(raw["label"]),
                en=str(raw["en"]),
                en_full=str(raw["en_full"]) if raw.get("en_full") else None,
                ja=_as_list(raw.get("ja"), where, "ja", problems),
                abbr=_as_list(raw.get("abbr"), where, "abbr", problems),
                note=str(raw["note"]) if raw.get("note") else None,
                ambiguous_forms=_as_list(raw.get("ambiguous_forms"), where, "ambiguous_forms", problems),
                country=str(raw["country"]) if raw.get("country") else None,
                offices=tuple(offices),
                wikidata=str(raw["wikidata"]) if raw.get("wikidata") else None,
                extra={k: raw[k] for k in ("signed", "in_force") if k in raw},
                replaces=raw.get("replace") is True,
            )
        )
    if problems:
        raise GlossaryError(source, problems)
    return entries


def _read_yaml(path: str | os.PathLike[str], shipped: bool = False) -> Any:
    """A glossary file's YAML.  A user's file is read without aliases (:class:`_NoAliasLoader`); the shipped one,
    ours and read by every process that loads the pipeline, with libyaml where installed (five times faster)."""
    p = Path(path)
    try:
        if p.stat().st_size > _MAX_BYTES:
            raise GlossaryError(str(p), [f"over {_MAX_BYTES // 2**20} MB; not a glossary"])
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GlossaryError(str(p), ["no such file"]) from None
    except UnicodeDecodeError as e:
        raise GlossaryError(str(p), [f"not UTF-8 (byte offset {e.start})"]) from None
    except OSError as e:
        raise GlossaryError(str(p), [e.strerror or str(e)]) from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", _NoAliasLoader) if shipped else _NoAliasLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise GlossaryError(str(p), [f"{where}YAML syntax error: {getattr(e, 'problem', None) or e}"]) from None


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader without anchors and aliases: a few hundred bytes of nested aliases expand to gigabytes."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a glossary", event.start_mark
            )
        return super().compose_node(parent, index)


class Glossary:
    """A set of entries with a form index.  Build once; lookups are dict hits."""

    def __init__(
        self, entries: Iterable[Entry], sources: Iterable[str] = (), origins: dict[str, list[str]] | None = None
    ) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.entries[e.id] = e  # later sources override earlier ones
        self.sources = list(sources)
        self.origins = origins or {}  # id -> the source files that made the entry, in order
        # Matchers built from this glossary by the rules (built once, kept with the glossary they came from)
        self.cache: dict[str, Any] = {}
        self._index: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            for form in (*e.forms, e.en, *([e.en_full] if e.en_full else [])):
                k = match_key(form)
                if k and e not in self._index.setdefault(k, []):
                    self._index[k].append(e)

    @classmethod
    def load(cls, *paths: str | os.PathLike[str], builtin: bool = True) -> Glossary:
        """The shipped glossary (unless ``builtin=False``) extended by ``paths``, in order.

        An entry whose id an earlier source defined merges into it (:func:`merge`), or replaces it
        with ``replace: true``.
        """
        entries: dict[str, Entry] = {}
        origins: dict[str, list[str]] = {}
        sources: list[str] = []
        if builtin:
            entries.update((e.id, e) for e in _builtin_entries())
            origins.update((e.id, [BUILTIN]) for e in entries.values())
            sources.append(BUILTIN)
        for p in paths:
            new = parse_entries(_read_yaml(p), str(p))
            # changing what kind of thing an entry is would silently break links
            relabelled = [f"{e.id}: redefines a {entries[e.id].label} entry as {e.label}" for e in new
                          if e.id in entries and entries[e.id].label != e.label]  # fmt: skip
            if relabelled:
                raise GlossaryError(str(p), relabelled)
            for e in new:
                old = entries.get(e.id)
                if old is not None and e.replaces:
                    _warn_dropped(str(p), old, e)
                entries[e.id] = e if old is None or e.replaces else merge(old, e)
                origins[e.id] = [str(p)] if e.replaces else [*origins.get(e.id, []), str(p)]
            sources.append(str(p))
        return cls(entries.values(), sources, origins)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def candidates(self, mention: str, label: str | None = None) -> list[Entry]:
        """Every entry one of whose forms equals ``mention`` (after :func:`match_key`)."""
        found = self._index.get(match_key(mention), [])
        return [e for e in found if label is None or e.label == label]

    def lookup(
        self, mention: str, label: str | None = None, year: int | None = None, role: str | None = None
    ) -> Entry | None:
        """The entry ``mention`` names, or None if none or several fit.

        Several candidates (``クリントン``: Bill or Hillary) are told apart by the
        title (``role``: 大統領 vs 国務長官) and then by ``year``: the one in
        office that year wins, else the one whose office is nearest to it.
        """
        found = self.candidates(mention, label)
        if len(found) > 1 and role:
            title = re.sub(r"^(?:前|元|次期|現)|(?:代行)?(?:\(当時\))?$", "", role)
            by_title = [e for e in found if any((o.title_ja or "").endswith(title) for o in e.offices)]
            found = by_title or found
        if len(found) > 1 and year is not None:
            found = [e for e in found if e.in_office(year)] or _nearest_in_office(found, year)
        return found[0] if len(found) == 1 else None

    def lookup_english(self, title: str, label: str | None = None) -> Entry | None:
        """The one entry whose English name or title equals ``title`` but for articles, ``of``, ``and``, case and
        punctuation (a title quoted with small slips: ``Treaty of Banning … ,in Outer Space,and under Water``)."""
        index = self.cache.get("english")
        if index is None:
            index = {}
            for e in self.entries.values():
                for form in (e.en, e.en_full, *e.abbr):
                    if form and form.isascii():
                        index.setdefault(english_key(form), []).append(e)
            self.cache["english"] = index
        found = {e.id: e for e in index.get(english_key(title), []) if label is None or e.label == label}
        return next(iter(found.values())) if len(found) == 1 else None

    def forms_of(self, label: str) -> Iterator[tuple[str, Entry]]:
        for e in self.entries.values():
            if e.label == label:
                for f in e.forms:
                    yield f, e


BUILTIN = "jpnlp:data/glossary.yaml"


def merge(old: Entry, new: Entry) -> Entry:
    """``new`` (a user entry with ``old``'s id) merged into ``old``: forms added, the fields it gives win."""

    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        seen = {match_key(f) for f in a}
        return a + tuple(f for f in dict.fromkeys(b) if match_key(f) not in seen)

    return replace(
        old,
        en=new.en,
        en_full=new.en_full or old.en_full,
        ja=union(old.ja, new.ja),
        abbr=union(old.abbr, new.abbr),
        note=new.note or old.note,
        ambiguous_forms=union(old.ambiguous_forms, new.ambiguous_forms),
        country=new.country or old.country,
        offices=new.offices or old.offices,
        wikidata=new.wikidata or old.wikidata,
        extra={**old.extra, **new.extra},
    )


def _warn_dropped(path: str, old: Entry, new: Entry) -> None:
    kept = {match_key(f) for f in new.forms}
    dropped = [f for f in old.forms if match_key(f) not in kept]
    if dropped:
        warnings.warn(
            f"{path}: {new.id}: 'replace: true' drops {len(dropped)} form(s) of the earlier entry "
            f"({', '.join(dropped[:3])}{' …' if len(dropped) > 3 else ''})",
            GlossaryWarning,
            stacklevel=2,  # one location: the pipeline loads a user glossary once per component
        )


def _nearest_in_office(found: list[Entry], year: int) -> list[Entry]:
    """None in office in ``year``: the one whose office lies nearest to it (a retrospective line written a few
    years on), or all of them when two are equally near."""

    def distance(e: Entry) -> int:
        return min((max((o.start or 0) - year, year - (o.end or 9999), 0) for o in e.offices), default=9999)

    best = min(distance(e) for e in found)
    return [e for e in found if distance(e) == best]


def check(entries: list[Entry]) -> list[str]:
    """Problems that make a glossary ambiguous: ids used twice, forms claimed by two entries."""
    problems: list[str] = []
    seen_ids: dict[str, int] = {}
    for e in entries:
        seen_ids[e.id] = seen_ids.get(e.id, 0) + 1
    problems += [f"id {i!r} is used by {n} entries" for i, n in seen_ids.items() if n > 1]
    owners: dict[str, set[str]] = {}
    for e in entries:
        allowed = {match_key(f) for f in e.ambiguous_forms}
        for form in e.forms:
            k = match_key(form)
            if not k:
                problems.append(f"{e.id}: empty form {form!r}")
                continue
            if _catch_all(k):
                problems.append(f"{e.id}: form {form!r} is a common word or a bare title, not a name")
            if k not in allowed:
                owners.setdefault(k, set()).add(e.id)
        dup = [f for f in e.forms if e.forms.count(f) > 1]
        if dup:
            problems.append(f"{e.id}: form {dup[0]!r} listed twice")
    for k, ids in sorted(owners.items()):
        if len(ids) > 1:
            problems.append(f"form {k!r} is claimed by {', '.join(sorted(ids))}")
    return problems


def _catch_all(key: str) -> bool:
    """A form that would match everywhere: one kana or symbol, all hiragana (の, として), or a bare title (大統領).

    One kanji is a real form (a Chinese surname: 江, 胡).
    """
    if len(key) == 1 and not ("\u4e00" <= key <= "\u9fff"):
        return True
    return all("\u3041" <= c <= "\u309f" for c in key) or key in _titles()


@cache
def _titles() -> frozenset[str]:
    ref = resources.files("jpnlp").joinpath("data/titles.tsv")
    lines = ref.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t")[0] for line in lines if line.strip() and not line.startswith(("#", "title\t"))]
    return frozenset(match_key(r) for r in rows)


def check_file(path: str | os.PathLike[str]) -> list[str]:
    """Parse and check one user glossary file: what :func:`check` finds, what ``--glossary`` would refuse, and
    forms that a shipped entry of another id has already (a lookup of them would find two entries, hence none).

    Parse errors raise :class:`GlossaryError`.
    """
    entries = parse_entries(_read_yaml(path), str(path))
    labels = {e.id: e.label for e in _builtin_entries()}
    relabelled = [f"{e.id}: redefines a {labels[e.id]} entry as {e.label}" for e in entries
                  if labels.get(e.id, e.label) != e.label]  # fmt: skip
    return relabelled + check(entries) + _shipped_clashes(entries)


def _shipped_clashes(entries: list[Entry]) -> list[str]:
    shipped = default_glossary()
    problems = []
    for e in entries:
        allowed = {match_key(f) for f in e.ambiguous_forms}
        for form in e.forms:
            others = sorted({x.id for x in shipped.candidates(form) if x.id != e.id})
            if others and match_key(form) not in allowed:
                problems.append(f"{e.id}: form {form!r} names {', '.join(others)} already (use that id to add to it, "
                                "or list the form in ambiguous_forms)")  # fmt: skip
    return problems


@cache
def _builtin_entries() -> tuple[Entry, ...]:
    ref = resources.files("jpnlp").joinpath("data/glossary.yaml")
    with resources.as_file(ref) as p:
        entries = parse_entries(_read_yaml(p, shipped=True), "jpnlp/data/glossary.yaml")
    qids = wikidata_table()
    return tuple(replace(e, wikidata=e.wikidata or qids.get(e.id)) for e in entries)


@cache
def wikidata_table() -> dict[str, str]:
    """The shipped, reviewed glossary id → Wikidata QID table (``data/wikidata.tsv``; sources in GLOSSARY.md)."""
    return {r["id"]: r["qid"] for r in read_table("wikidata.tsv") if _QID_RE.match(r.get("qid") or "")}


@cache
def default_glossary() -> Glossary:
    """The shipped glossary, built once per process."""
    return Glossary.load()
