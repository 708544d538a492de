"""The dataset card (``README.md``): a YAML header Hugging Face reads, then the usual sections.

Every number in the card is computed from the rows that were written.
"""

from __future__ import annotations

from typing import Any

import yaml

from .rows import LABELS, TAG_NAMES

FLAT_TABLE_NAMES = ("entities", "votes", "documents")


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "1M<n<10M"


def header(name: str, split_rows: dict[str, int], split_bytes: dict[str, int]) -> dict[str, Any]:
    import datasets

    from .writers import DOCUMENTS, FLAT_TABLES, features

    def yaml_features(f: datasets.Features) -> Any:
        return datasets.DatasetInfo(features=f)._to_yaml_dict()["features"]

    tables = {**FLAT_TABLES, "documents": DOCUMENTS}
    return {
        "language": ["ja", "en"],
        "license": "other",
        "license_name": "annotations-mit-texts-by-their-authors",
        "multilinguality": "multilingual",
        "pretty_name": name,
        "size_categories": [_size_category(sum(split_rows.values()))],
        "source_datasets": ["original"],
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["arms-control", "international-politics", "japanese", "bilingual-glossary", "vote-tallies"],
        "dataset_info": [
            {
                "config_name": "default",
                "features": yaml_features(features()),
                "splits": [
                    {"name": s, "num_bytes": split_bytes[s], "num_examples": split_rows[s]} for s in split_rows
                ],
            },
            *({"config_name": t, "features": yaml_features(tables[t])} for t in FLAT_TABLE_NAMES),
        ],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": s, "path": f"data/{s}-*.parquet"} for s in split_rows],
            },
            # flat tables, one row per mention or tally, as one "train" split (their `split` column says where
            # the sentence is)
            *({"config_name": t, "data_files": [{"split": "train", "path": f"{t}.parquet"}]} for t in FLAT_TABLE_NAMES),
        ],
    }


def render(
    name: str,
    split_rows: dict[str, int],
    split_bytes: dict[str, int],
    entity_counts: dict[str, dict[str, int]],
    documents: list[dict[str, Any]],
    build: dict[str, Any],
) -> str:
    head = yaml.safe_dump(header(name, split_rows, split_bytes), allow_unicode=True, sort_keys=False, width=1000)
    splits = list(split_rows)
    count_rows = "\n".join(
        f"| {label} | " + " | ".join(str(entity_counts.get(s, {}).get(label, 0)) for s in splits) + " |"
        for label in LABELS
    )
    doc_rows = "\n".join(
        f"| `{d['doc_id']}` | {d.get('corpus', 'default')} | {d.get('language', 'ja')} | {d.get('source_format', 'text')} | "
        f"`{d.get('sha256', '')[:12]}` | {d.get('licence') or d.get('license') or ''} | {d.get('source_url') or d.get('url') or ''} | "
        f"{d.get('provenance') or d.get('attribution') or ''} |"
        for d in documents
    )
    gold_note = (
        "The `gold` split holds the **hand-made** annotations (made by reading the text, following "
        "`corpus/annotations/GUIDELINES.md`) of the gold-annotated sentences that fall in the `test` split: "
        "the same sentences as in `test`, with gold instead of silver labels, never in `train`. Corrections "
        "imported with `jpnlp import` and given to `jpnlp build --gold` are gold too. Hand-made labels replace the "
        "silver labels of their sentences in `train` and `validation` (`reviewed` is true and `label_source` is "
        "`gold` there; the corpus's own annotation does not mark tallies, so those rows keep the rules' VOTE "
        "mentions), while `test` keeps jpnlp's own labels to compare with `gold`."
        if "gold" in split_rows
        else "No hand-made gold annotation fell in the `test` split of this build, so there is no `gold` split "
        "(hand-made labels in `train` and `validation` still replace the silver ones: `label_source` says which)."
    )
    return f"""---
{head}---

# {name}

## Summary

Sentences of Japanese documents about arms control and international politics, annotated with named entities
— treaties (`TREATY`), political leaders (`LEADER`), dates (`DATE`) and vote tallies (`VOTE`) — each aligned to
an English glossary (canonical English name and a stable id) or given a normalized value (ISO dates), with the
structured vote tallies of each sentence. Built with jpnlp {build['jpnlp']} (`jpnlp build`).

## Fields

| field | meaning |
|---|---|
| `id` | stable row id: document id and sentence index (`<doc_id>#00012`), the same on every rebuild |
| `doc_id` | the document the sentence comes from (see *Provenance*) |
| `sentence_index` | position of the sentence in its document, from 0 |
| `block`, `block_index` | the unit the sentence belongs to (`heading`, `paragraph`, `footnote`) and its position |
| `text` | the sentence after layout repair and width normalization (full-width → ASCII, Ⅱ → II, …) |
| `raw_text`, `raw_start`, `raw_end` | the sentence as written in the raw document (line breaks included) and its character offsets there |
| `tokens`, `spaces` | GiNZA (Sudachi) tokens of `text`, and whether a space follows each; `tokens` + `spaces` rebuild `text` exactly |
| `ner_tags` | IOB2 tag of each token (a `ClassLabel`) |
| `lemmas`, `pos`, `tags`, `heads`, `deps` | GiNZA's lemma, universal POS, Sudachi tag, head (index of the head token in `tokens`; a root points to itself) and dependency relation of each token; empty strings and self-heads in fast mode, which computes no analysis |
| `entities` | entity mentions: `start`/`end` in `text`, `label`, `text`, `en` (canonical English), `en_full` (full English title), `id` (glossary id), `wikidata` (the entry's Wikidata QID, where it is one unambiguous item), `en_source` (where `en` came from: `glossary`, `composed` (a glossary name plus a suffix), `text` (an English name the text gives), `dictionary` (JMnedict), `transliteration`, `translation` (a rendering of the Japanese title)), `en_conf` (how often names from that source were right on hand-annotated real text), `value` (DATE value, TIMEX3 style), `mod` (DATE modifier: `EARLY`, `MID`, `LATE`, …), `role` (LEADER: the title written after the name), `anaphor` (true for `同条約`-style references, linked to their antecedent), `raw_start`/`raw_end` in the raw document |
| `votes` | vote tallies in the sentence: counts (`for`, `against`, `abstain`, `other`, `total`), `result`, `body`/`body_ja`, `date`, `subject_ja`/`subject_en`, `text`, `start`/`end` in `text`, `notes` (plausibility warnings: counts larger than the body, totals that do not add up), and the document's `doc_date`, `doc_title`, `source` |
| `label_source` | `gold` (hand-made labels: the corpus's annotations, corrections read with `--gold`) or `silver` (the rules' labels) |
| `ginza_agreement` | F1 of exact matches between the rules' TREATY/LEADER/DATE spans of the sentence and GiNZA's own entities mapped to them (`Person` → LEADER, `Date` → DATE, `Treaty`/`Law` → TREATY); 1.0 when neither finds anything, null in fast mode. Filter on it for a cleaner silver subset (`jpnlp train spacy --min-agreement 1.0`); GiNZA's `Person` is every person, not only leaders, so a low score flags a sentence rather than proving the rules wrong |
| `corpus`, `license`, `source_url` | where the document comes from: `default` (the shipped corpus) or the real-text collection (`real/wiki`, …, read by `jpnlp build --full`), and its licence and source page from the manifest |
| `reviewed` | true when the row's entities and votes are gold (hand-made, or a reviewer's corrections read with `jpnlp build --gold`), false for jpnlp's own (silver) |

## Tag scheme and labels

IOB2 (`B-` begins a mention, `I-` continues it, `O` is outside). Label ids:

| id | tag |
|---:|---|
""" + "\n".join(f"| {i} | `{t}` |" for i, t in enumerate(TAG_NAMES)) + """

`TREATY`: named treaties, agreements, protocols, agreed and joint statements and laws about them (span includes a
bracketed abbreviation: `対弾道ミサイル(ABM)条約`; anaphors such as `同条約議定書` are linked to their antecedent).
`LEADER`: the name of a political leader (the title is not part of the span). `DATE`: calendar expressions with
resolved values (`同年9月` → `1997-09`). `VOTE`: the tally itself (`賛成288、反対131、棄権4`).

## Splits

| split | sentences |
|---|---:|
""" + "\n".join(f"| {s} | {split_rows[s]} |" for s in splits) + f"""

Splits are made by {build['split_unit']} with a seeded hash (seed {build['seed']}, ratios {build['ratios']}):
a {build['split_unit']} is never cut across splits, and the assignment is the same on every rebuild.

## Entity counts

Mentions per label and split, counted from the data:

| label | {' | '.join(splits)} |
|---|{'---:|' * len(splits)}
{count_rows}

## How the annotations were made

`train`, `validation` and `test` are **silver**: produced by jpnlp's rules (grammar of Japanese treaty names,
leadership titles, date expressions, vote tallies) with GiNZA {build['model']} and the bilingual glossary, without
manual correction. {gold_note} Entities that did not line up with GiNZA's token boundaries were handled by
splitting the token at the entity boundary ({build['retokenized']} tokens split in this build); none were dropped. Sentences whose text occurs in an evaluation set (the real-text gold
passages `tests/data/real/*.jsonl` and any `--exclude` file) are never in `train` or `validation`:
{build.get('excluded', '0')} were dropped in this build.

## Normalization

```json
{build['normalize']}
```

## Provenance

| document | collection | language | source format | sha256 | licence | source | provenance |
|---|---|---|---|---|---|---|---|
{doc_rows}

## Files

- `data/{{split}}-NNNNN-of-NNNNN.parquet`: the rows (`datasets.load_dataset("parquet", data_files=...)` or this card's `configs`);
- `disk/`: the same `DatasetDict` saved with `save_to_disk` (`datasets.load_from_disk`);
- `glossary.parquet`: the glossary entries mentioned in the data, with their Wikidata QIDs where known and mention counts;
- `entities.parquet`, `votes.parquet` (configs `entities` and `votes`): one row per mention or tally with its
  `split`, `row_id`, `doc_id` and `sentence_index` (and, for votes, the `sentence` and the document's
  `doc_date`, `doc_title` and `source`), for pandas or Polars;
- `documents.parquet` (config `documents`): one row per document, keyed by `doc_id`: `title`, `date` (given, or
  read from its dateline), `source`, `url`, `license`, `language`, `encoding`, `sentences`, and `meta`
  (everything known of it, as JSON: front matter, manifest entry, dataset columns);
- `spacy/{{split}}/NNNNN.spacy`: spaCy `DocBin` shards (tokens, GiNZA's lemma/POS/tag/head/relation in full mode,
  entities with the Wikidata QID as `kb_id_` where the glossary entry has one, else the glossary id); `spacy train` reads each folder as a corpus;
- `conll/{{split}}.conll`: CoNLL-2003-style NER, `token<TAB>IOB2 tag`, a blank line after each sentence and
  `-DOCSTART- -X- O O` before each document (what `spacy convert -c ner` splits on); a token never holds a space;
  `conll/{{split}}.ids` has the row `id` of each sentence, one per line in the same order (not comments in the
  CoNLL file: `spacy convert` would read them as tokens);
- `conllu/{{split}}.conllu`: CoNLL-U with `# sent_id` (the row `id`) and `# text`, GiNZA's analysis in full mode,
  and MISC `SpaceAfter=No` and `NE=B-TREATY`-style tags.

## License

The annotations are released under the MIT license. The texts belong to their authors and are included for
research; see the provenance table.
"""
