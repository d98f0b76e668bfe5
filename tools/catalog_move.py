"""One-off move of the message catalogs: 26 domain files to one per topic plus one shared.

Each new file ``widgets/locale/<catalog>.yaml`` maps sections to keys (``section: {key: texts}``);
``t("section.key")`` keeps working (``widgets.core.i18n`` finds a section's file). The move
renames a few sections and keys so that every module reads its own topic's texts:

- ``ui.*`` held the cash book's texts: the sign-in texts become ``signin.*`` (shared), the rest
  ``cashbook.*``;
- ``village.*`` (the data-file readers' messages) becomes ``datafile.*``;
- each topic's ``exercises.py`` reads ``<topic>ex.*``: ``exercise`` -> ``cashbookex``,
  ``promoex`` -> ``promotionex``, and the exercise keys of ``lesson2``/``lesson3`` move out of the
  lesson views' sections (``pricingex``, ``sharingex``);
- ``widgets/sharing/data.py`` reads ``sharing.*``, not ``lesson3.*``;
- ``sharing/ui/lesson.py`` gets its own ``lesson3.check`` instead of lesson 1's.

Run ``python tools/catalog_move.py`` to write the catalogs (while the old files exist) and to
rewrite the keys in code. After merging, ``python tools/catalog_move.py --code PATH...`` rewrites
only the keys in the files given (for a branch that added code using the old keys), and
``--absorb widgets/locale/credit.yaml cashbook`` turns a branch's new flat catalog file into the
section ``credit`` of ``cashbook.yaml`` (keys and code unchanged).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "widgets" / "locale"
CODE_DIRS = ("widgets", "tests", "tools", "bench", "lessons", "slides")

# old domain -> (catalog file, section); the section keeps the old name unless renamed here.
DOMAINS: dict[str, tuple[str, str]] = {
    "money": ("shared", "money"),
    "numbers": ("shared", "numbers"),
    "village": ("shared", "datafile"),
    "store": ("shared", "store"),
    "home": ("shared", "home"),
    "ui": ("cashbook", "cashbook"),
    "ledger": ("cashbook", "ledger"),
    "exercise": ("cashbook", "cashbookex"),
    "lesson1": ("cashbook", "lesson1"),
    "pricing": ("pricing", "pricing"),
    "costing": ("pricing", "costing"),
    "sales": ("pricing", "sales"),
    "pricedata": ("pricing", "pricedata"),
    "lesson2": ("pricing", "lesson2"),
    "sharing": ("sharing", "sharing"),
    "record": ("sharing", "record"),
    "lesson3": ("sharing", "lesson3"),
    "promotion": ("promotion", "promotion"),
    "promoview": ("promotion", "promoview"),
    "promoex": ("promotion", "promotionex"),
    "photo": ("promotion", "photo"),
    "orderlink": ("promotion", "orderlink"),
    "seasons": ("promotion", "seasons"),
    "consign": ("promotion", "consign"),
    "lesson5": ("promotion", "lesson5"),
    "check": ("kit", "check"),
}

# The order of catalogs and of their sections, and what each section is for.
CATALOGS: dict[str, tuple[str, dict[str, str]]] = {
    "shared": ("Texts every topic shares (widgets/core, widgets/store, widgets/ui).", {
        "money": "Typed amounts (widgets/core/money.py).",
        "numbers": "Typed quantities, counts and percentages (widgets/core/numbers.py).",
        "datafile": "Problems in the kit's data files (widgets/core/datafile.py, village.py, "
                    "and the topics' data.py).",
        "store": "Sign-in and saving (widgets/store).",
        "signin": "The sign-in box (widgets/ui/signin.py).",
        "home": "The home page (widgets/ui/home.py).",
    }),
    "cashbook": ("Lesson 1, the cash book (widgets/cashbook).", {
        "cashbook": "The cash book view (widgets/cashbook/ui/cashbook.py).",
        "ledger": "Entries, categories, summaries and the Excel export (ledger.py, export.py).",
        "cashbookex": "The week exercise's feedback (widgets/cashbook/exercises.py).",
        "lesson1": "The lesson page (widgets/cashbook/ui/lesson.py).",
    }),
    "pricing": ("Lesson 2, cost and price (widgets/pricing).", {
        "pricing": "The cost sheet and channel views (widgets/pricing/ui/).",
        "costing": "Cost sheets (widgets/pricing/costing.py).",
        "sales": "Sales channels (widgets/pricing/channels.py).",
        "pricedata": "Problems in harga.yaml and marketplace_fees.yaml (fees.py, data.py).",
        "pricingex": "The exercises' feedback (widgets/pricing/exercises.py).",
        "lesson2": "The lesson page (widgets/pricing/ui/lesson.py).",
    }),
    "sharing": ("Lesson 3, profit-sharing (widgets/sharing).", {
        "sharing": "Split methods, rules and the village's examples (split.py, rules.py, "
                   "shu.py, partnership.py, data.py).",
        "record": "The printed record of a distribution (widgets/sharing/record.py).",
        "sharingex": "The exercises and their feedback (widgets/sharing/exercises.py).",
        "lesson3": "The calculator, comparison, record and lesson views (widgets/sharing/ui/).",
    }),
    "promotion": ("Lessons 4 and 5, promotion and partners (widgets/promotion).", {
        "promotion": "Posts, listings and their checks (posts.py, platform_rules.py).",
        "promoview": "The post composer and listing builder (widgets/promotion/ui/).",
        "photo": "The photo checker (photo.py, photo_rules.py, ui/photo.py).",
        "orderlink": "The WhatsApp order link, QR code and label sheet (orderlink.py, "
                     "ui/orderlink.py).",
        "seasons": "The season calendar (seasons.py, ui/seasons.py).",
        "consign": "The consignment agreement (consignment.py).",
        "promotionex": "The exercises' feedback (widgets/promotion/exercises.py).",
        "lesson5": "The lesson 5 page (widgets/promotion/ui/lesson5.py).",
    }),
    "kit": ("The trainer's tools (widgets/kit).", {
        "check": "The readiness check (widgets/kit/check.py).",
    }),
}

SIGNIN_KEYS = {
    "signin_intro": "intro", "signin_name": "name", "signin_name_hint": "name_hint",
    "signin_pin": "pin", "signin_pin_hint": "pin_hint", "signin_button": "button",
    "signout_button": "signout_button", "signin_welcome": "welcome",
    "signin_welcome_new": "welcome_new", "signed_out": "signed_out",
}
SHARING_DATA_KEYS = ("total_note_coop", "total_note_goats", "total_note_sewing", "village_line")
SHARING_EXERCISE = re.compile(r"(answer_|q_|slip_)[a-z0-9_]+")
PRICING_EXERCISE = re.compile(r"ex_(cost|listing|price)_[a-z0-9_]+")
# Keys the pricing lesson view shows itself (titles, the check button): they stay in lesson2.
PRICING_VIEW_KEYS = {"ex_price_story"}
# A key read by another topic's view gets a copy in that topic: old key -> new key.
COPIES = {"lesson1.check": "lesson3.check"}


def new_key(domain: str, key: str) -> str:
    """Where ``domain.key`` goes."""
    _file, section = DOMAINS[domain]
    if domain == "ui" and key in SIGNIN_KEYS:
        return f"signin.{SIGNIN_KEYS[key]}"
    if domain == "lesson3" and key in SHARING_DATA_KEYS:
        return f"sharing.{key}"
    if domain == "lesson3" and SHARING_EXERCISE.fullmatch(key):
        return f"sharingex.{key}"
    if domain == "lesson2" and PRICING_EXERCISE.fullmatch(key) and key not in PRICING_VIEW_KEYS:
        return f"pricingex.{key.removeprefix('ex_')}"
    return f"{section}.{key}"


def _blocks(path: Path) -> list[tuple[str, list[str]]]:
    """(key, lines) for each top-level key of an old catalog; comment lines between keys go with
    the key that follows them, the file's header comment is dropped (the new files get their
    own)."""
    blocks: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    seen_key = False
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([a-z0-9_]+):\s*", line)
        if match:
            blocks.append((match.group(1), pending + [line]))
            pending, seen_key = [], True
        elif line.startswith("#") and not line.startswith("# ") or not line.strip():
            continue
        elif line.startswith("#"):
            if seen_key:
                pending.append(line)
        else:
            blocks[-1][1].append(line)
    return blocks


def build_catalogs() -> dict[str, str]:
    """Write the new catalog files from the old ones; return the key renames (old -> new)."""
    old_files = {p.stem: p for p in sorted(LOCALE.glob("*.yaml")) if p.stem in DOMAINS}
    if set(old_files) != set(DOMAINS):
        sys.exit(f"old catalogs missing: {sorted(set(DOMAINS) - set(old_files))}")
    sections: dict[str, list[str]] = {}
    texts: dict[str, dict[str, str]] = {}
    renames: dict[str, str] = {}
    for domain, path in old_files.items():
        parsed = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        blocks = _blocks(path)
        assert [k for k, _ in blocks] == list(parsed), f"{path.name}: blocks differ from YAML"
        for key, lines in blocks:
            target = new_key(domain, key)
            section, short = target.split(".")
            body = [f"  {line}" if line.startswith("#") else line for line in lines[:-3]]
            body += [f"  {short}:"] + [f"  {line}" for line in lines[-2:]]
            assert lines[-3] == f"{key}:", (path, key, lines)
            sections.setdefault(section, []).extend(body)
            texts[target] = parsed[key]
            if target != f"{domain}.{key}":
                renames[f"{domain}.{key}"] = target
    for old, new in COPIES.items():
        section, short = new.split(".")
        assert new not in texts, f"{new} exists already"
        source = texts[renames.get(old, old)]
        sections[section] += [f"  {short}:"] + [
            f"    {lang}: {_quoted(source[lang])}" for lang in ("id", "en")]
        texts[new] = source
    for name, (title, described) in CATALOGS.items():
        assert set(described) <= set(sections), set(described) - set(sections)
        out = [f"# {title}",
               '# Sections map keys to their texts; read with t("section.key"). A section name is',
               "# unique across widgets/locale/. Indonesian first; English alongside.", ""]
        for section, about in described.items():
            out += [f"# {about}", f"{section}:"] + sections.pop(section) + [""]
        (LOCALE / f"{name}.yaml").write_text("\n".join(out), encoding="utf-8")
    assert not sections, f"sections without a catalog: {sorted(sections)}"
    for path in old_files.values():
        if path.stem not in CATALOGS:
            path.unlink()
    _check_same_texts(texts)
    return renames


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_same_texts(texts: dict[str, dict[str, str]]) -> None:
    found: dict[str, dict[str, str]] = {}
    for path in LOCALE.glob("*.yaml"):
        for section, keys in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            for key, value in keys.items():
                full = f"{section}.{key}"
                assert full not in found, f"{full} twice"
                found[full] = value
    assert found == texts, "the new catalogs do not hold the old texts"


def old_key(section: str, key: str) -> str | None:
    """The key ``section.key`` had before the move (None if unchanged): the inverse of
    :func:`new_key`, for ``--code`` once the old files are gone."""
    inverse = {short: old for old, short in SIGNIN_KEYS.items()}
    if section == "signin":
        return f"ui.{inverse[key]}"
    if section == "sharingex" or (section == "sharing" and key in SHARING_DATA_KEYS):
        return f"lesson3.{key}"
    if section == "pricingex":
        return f"lesson2.ex_{key}"
    for domain, (_file, new_section) in DOMAINS.items():
        if new_section == section and domain != section:
            return f"{domain}.{key}"
    return None


def all_renames() -> dict[str, str]:
    """The key renames, rebuilt from the new catalogs (for ``--code`` after the move)."""
    renames = {}
    for path in sorted(LOCALE.glob("*.yaml")):
        for section, keys in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            for key in keys:
                old = old_key(section, key)
                if old and f"{section}.{key}" not in COPIES.values():
                    renames[old] = f"{section}.{key}"
    return renames


def _pattern(renames: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """Keys as they appear in code: a whole string literal ("ui.save"), the start of an f-string
    or of a concatenation (f"exercise.{key}", "exercise." + key). A renamed section's prefix is
    rewritten too, for keys built from it."""
    prefixes = {}
    for domain, (_f, section) in DOMAINS.items():
        if domain != section and domain not in ("ui", "lesson2", "lesson3"):
            prefixes[f"{domain}."] = f"{section}."
    table = {**prefixes, **renames}
    names = sorted(table, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    # A full key or a domain prefix ends at a quote or at the "{" of an f-string field.
    return re.compile(rf"""(?<=["'])({alternatives})(?=["'{{])"""), table


def rewrite_code(paths: list[Path], renames: dict[str, str]) -> list[Path]:
    pattern, table = _pattern(renames)
    changed = []
    for path in paths:
        text = path.read_text(encoding="utf-8")

        def replace(match: re.Match[str]) -> str:
            return table[match.group(1)]

        new = pattern.sub(replace, text)
        for old, copy in COPIES.items():
            if "widgets/sharing/" in str(path):
                new = new.replace(f'"{table.get(old, old)}"', f'"{copy}"')
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def code_files(roots: list[Path]) -> list[Path]:
    files = []
    for root in roots:
        if root.is_file():
            files.append(root)
        else:
            files += [p for p in root.rglob("*") if p.suffix in (".py", ".ipynb")]
    return sorted(p for p in files if p.resolve() != Path(__file__).resolve())


def absorb(flat: Path, catalog: str) -> str:
    """Append the old-style file ``flat`` (``key: {id, en}``) to ``<catalog>.yaml`` as the
    section named after the file, its header comment as the section's, and delete it."""
    section = flat.stem
    target = LOCALE / f"{catalog}.yaml"
    texts = yaml.safe_load(flat.read_text(encoding="utf-8")) or {}
    lines = flat.read_text(encoding="utf-8").splitlines()
    about = []
    for line in lines:
        if not line.startswith("#"):
            break
        about.append(line)
    body = []
    for _key, block in _blocks(flat):
        body += [f"  {line}" for line in block]
    same = target.resolve() == flat.resolve()  # group.yaml, flat, becomes the group catalog
    current = target.read_text(encoding="utf-8") if target.exists() and not same else ""
    if not current:
        current = (f"# The {catalog} package (widgets/{catalog}).\n"
                   '# Sections map keys to their texts; read with t("section.key"). A section'
                   " name is\n# unique across widgets/locale/. Indonesian first; English"
                   " alongside.\n")
    text = current.rstrip("\n") + "\n\n" + "\n".join(about + [f"{section}:"] + body) + "\n"
    target.write_text(text, encoding="utf-8")
    if not same:
        flat.unlink()
    assert (yaml.safe_load(target.read_text(encoding="utf-8")) or {})[section] == texts
    return section


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", nargs="+", type=Path,
                        help="only rewrite the keys in these files or folders")
    parser.add_argument("--absorb", nargs=2, metavar=("FLAT_FILE", "CATALOG"),
                        help="make an old-style catalog file a section of CATALOG")
    args = parser.parse_args(argv)
    if args.absorb:
        print(f"section {absorb(Path(args.absorb[0]), args.absorb[1])} is in {args.absorb[1]}")
        return
    if args.code:
        renames = all_renames()
        roots = args.code
    else:
        renames = build_catalogs()
        roots = [ROOT / d for d in CODE_DIRS if (ROOT / d).exists()]
    for path in rewrite_code(code_files(roots), renames):
        print(f"rewrote {path}")


if __name__ == "__main__":
    main()
