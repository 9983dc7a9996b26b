"""Tables in, clean numeric arrays out — or a one-line error naming the problem and the fix.

Sources: a CSV or Parquet file, or a dataset scikit-learn ships inside its package (``iris``,
``wine``, ``breast_cancer``, ``digits``, ``diabetes``); nothing is downloaded.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BUNDLED = ("iris", "wine", "breast_cancer", "digits", "diabetes")
MISSING = frozenset(["", "na", "n/a", "nan", "null", "none", "?", "-"])
#: Above this share of the machine's available memory a file is refused (use --max-rows).
MEMORY_SHARE = 0.25
#: A CSV of numbers takes roughly this many times its size once parsed into Python objects.
PARSE_FACTOR = 12


class DataError(Exception):
    """A problem with the data, said in one line with the option that fixes it."""


@dataclass
class Table:
    name: str
    columns: list[str]
    values: dict[str, list[str | float]]  # raw cells; None-like cells become ""
    default_target: str | None = None

    @property
    def rows(self) -> int:
        return len(self.values[self.columns[0]]) if self.columns else 0


@dataclass
class Dataset:
    name: str
    X: np.ndarray
    y: np.ndarray | None
    features: list[str]
    target: str | None
    classes: list[str] | None = None  # original class names, index = encoded label
    notes: list[str] = field(default_factory=list)


def _available_memory() -> int:
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 8 * 1024**3


def load(source: str, max_rows: int | None = None) -> Table:
    if source in BUNDLED:
        return _bundled(source)
    path = Path(source)
    if not path.exists():
        raise DataError(f"{source}: no such file, and not a bundled dataset "
                        f"({', '.join(BUNDLED)})")
    if path.is_dir():
        raise DataError(f"{source} is a folder; give a CSV or Parquet file")
    size = path.stat().st_size
    if size == 0:
        raise DataError(f"{source} is empty")
    if max_rows is None and size * PARSE_FACTOR > MEMORY_SHARE * _available_memory():
        raise DataError(f"{source} is {size / 1e9:.1f} GB, too large to load here at once: "
                        "pass --max-rows N to read its first N rows")
    if path.suffix.lower() in (".parquet", ".pq"):
        return _parquet(path, max_rows)
    return _csv(path, max_rows)


def _bundled(name: str) -> Table:
    try:
        from sklearn import datasets
    except ImportError:
        raise DataError("bundled datasets come with scikit-learn: pip install "
                        "'mlkata[apply]'") from None
    bunch = getattr(datasets, f"load_{name}")()
    features = [str(f) for f in getattr(bunch, "feature_names", [])] or [
        f"x{i}" for i in range(bunch.data.shape[1])]
    values: dict[str, list[str | float]] = {f: bunch.data[:, i].tolist()
                                            for i, f in enumerate(features)}
    target_names = getattr(bunch, "target_names", None)
    if target_names is not None and len(target_names) and name != "diabetes":
        values["target"] = [str(target_names[int(t)]) for t in bunch.target]
    else:
        values["target"] = bunch.target.astype(float).tolist()
    return Table(name, features + ["target"], values, default_target="target")


def _csv(path: Path, max_rows: int | None) -> Table:
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            sample = f.read(65536)
            f.seek(0)
            try:
                dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                    sample, delimiters=",;\t|")
            except csv.Error:
                dialect = csv.excel
            reader = csv.reader(f, dialect)
            header = next(reader, None)
            if not header or not any(h.strip() for h in header):
                raise DataError(f"{path} has no header row")
            columns = [h.strip() or f"column{i + 1}" for i, h in enumerate(header)]
            if len(set(columns)) != len(columns):
                dupes = sorted({c for c in columns if columns.count(c) > 1})
                raise DataError(f"{path}: duplicate column names {', '.join(dupes)}")
            values: dict[str, list[str | float]] = {c: [] for c in columns}
            for line, row in enumerate(reader, start=2):
                if not row or all(not cell.strip() for cell in row):
                    continue
                if len(row) != len(columns):
                    raise DataError(f"{path} line {line} has {len(row)} fields, the header "
                                    f"has {len(columns)}: a malformed CSV")
                for c, cell in zip(columns, row, strict=True):
                    values[c].append(cell.strip())
                if max_rows is not None and len(values[columns[0]]) >= max_rows:
                    break
    except UnicodeDecodeError:
        raise DataError(f"{path} is not UTF-8 text: is it really a CSV?") from None
    except csv.Error as exc:
        raise DataError(f"{path} is not a readable CSV: {exc}") from None
    if not values[columns[0]]:
        raise DataError(f"{path} has a header but no rows")
    return Table(path.stem, columns, values)


def _parquet(path: Path, max_rows: int | None) -> Table:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DataError("reading Parquet needs pyarrow: pip install 'mlkata[parquet]' "
                        "(or save the table as CSV)") from None
    try:
        table = pq.read_table(path)
    except Exception as exc:
        raise DataError(f"{path} is not a readable Parquet file: {exc}") from None
    if max_rows is not None:
        table = table.slice(0, max_rows)
    if table.num_rows == 0:
        raise DataError(f"{path} has no rows")
    values: dict[str, list[str | float]] = {}
    for name in table.column_names:
        cells = table.column(name).to_pylist()
        values[name] = ["" if v is None else (float(v) if isinstance(v, int | float)
                                              and not isinstance(v, bool) else str(v))
                        for v in cells]
    return Table(path.stem, list(table.column_names), values)


def _numeric(cells: list[str | float]) -> tuple[np.ndarray | None, int]:
    """The column as floats (nan for missing cells) and the count of missing; None if text."""
    out = np.empty(len(cells))
    missing = 0
    for i, cell in enumerate(cells):
        if isinstance(cell, float):
            out[i] = cell
            missing += math.isnan(cell)
            continue
        if cell.lower() in MISSING:
            out[i] = np.nan
            missing += 1
            continue
        try:
            out[i] = float(cell)
        except ValueError:
            return None, missing
    return out, missing


def prepare(table: Table, target: str | None, kind: str, drop_na: bool = False,
            one_hot: bool = False, standardize: bool = False) -> Dataset:
    """Turn a table into X (and y) for a task of the given kind, or say exactly what is wrong."""
    notes: list[str] = []
    target = target or table.default_target
    if kind in ("classification", "regression") and target is None:
        raise DataError(f"which column is the target? pass --target COLUMN (columns: "
                        f"{_list(table.columns)})")
    if target is not None and target not in table.columns:
        raise DataError(f"no column {target!r}; the columns are {_list(table.columns)}")
    features = [c for c in table.columns if c != target]
    if not features:
        raise DataError("there is no feature column besides the target")

    keep = np.ones(table.rows, dtype=bool)
    numeric: dict[str, np.ndarray] = {}
    text: dict[str, list[str]] = {}
    for column in features:
        values, missing = _numeric(table.values[column])
        if values is None:
            if not one_hot:
                example = next(str(v) for v in table.values[column]
                               if isinstance(v, str) and v.lower() not in MISSING)
                raise DataError(f"column {column!r} is not numeric (e.g. {example!r}): pass "
                                "--one-hot to encode it, or drop the column")
            cells = [str(v) for v in table.values[column]]
            missing_text = [c.lower() in MISSING for c in cells]
            if any(missing_text) and not drop_na:
                raise DataError(f"column {column!r} has {sum(missing_text)} missing values: "
                                "pass --drop-na to drop those rows")
            keep &= ~np.array(missing_text)
            text[column] = cells
            continue
        if missing and not drop_na:
            raise DataError(f"column {column!r} has {missing} missing values: pass --drop-na "
                            "to drop those rows")
        keep &= ~np.isnan(values)
        numeric[column] = values

    y_raw = table.values[target] if target is not None else None
    y_numeric = None
    if y_raw is not None:
        y_numeric, y_missing = _numeric(y_raw)
        missing_y = (np.isnan(y_numeric) if y_numeric is not None
                     else np.array([str(v).lower() in MISSING for v in y_raw]))
        if missing_y.any() and not drop_na:
            raise DataError(f"the target {target!r} has {int(missing_y.sum())} missing values: "
                            "pass --drop-na to drop those rows")
        keep &= ~missing_y
    dropped = int((~keep).sum())
    if dropped:
        notes.append(f"dropped {dropped} rows with missing values (--drop-na)")
    if not keep.any():
        raise DataError("no rows left after dropping missing values")

    columns: list[np.ndarray] = []
    names: list[str] = []
    for column in features:
        if column in numeric:
            columns.append(numeric[column][keep])
            names.append(column)
        else:
            kept_cells = np.array(text[column], dtype=object)[keep]
            levels = sorted(set(kept_cells.tolist()))
            for level in levels:
                columns.append((kept_cells == level).astype(float))
                names.append(f"{column}={level}")
            notes.append(f"one-hot encoded {column!r} into {len(levels)} columns")
    X = np.column_stack(columns)
    constant = [i for i in range(X.shape[1]) if np.all(X[:, i] == X[0, i])]
    if constant:
        notes.append("dropped constant columns " + ", ".join(names[i] for i in constant)
                     + " (they carry no information)")
        X = np.delete(X, constant, axis=1)
        names = [n for i, n in enumerate(names) if i not in constant]
    if X.shape[1] == 0:
        raise DataError("every feature column is constant: nothing to learn from")
    if standardize:
        scale = X.std(axis=0)
        X = (X - X.mean(axis=0)) / np.where(scale > 0, scale, 1.0)
        notes.append("standardised every feature (--standardize)")

    y = None
    classes = None
    if y_raw is not None:
        kept = [v for v, k in zip(y_raw, keep, strict=True) if k]
        if kind == "regression":
            if y_numeric is None:
                raise DataError(f"the target {target!r} is not numeric, but this model "
                                "predicts numbers: choose a numeric target")
            y = y_numeric[keep]
        else:
            labels = [str(v) if not isinstance(v, float) else _label(v) for v in kept]
            classes = sorted(set(labels), key=_sort_key)
            if len(classes) < 2 and kind == "classification":
                raise DataError(f"the target {target!r} has a single class ({classes[0]!r}): "
                                "there is nothing to classify")
            if kind == "classification" and len(classes) > max(50, len(labels) // 5):
                raise DataError(f"the target {target!r} has {len(classes)} distinct values: is "
                                "it a number to predict? choose a regression model")
            index = {c: i for i, c in enumerate(classes)}
            y = np.array([index[v] for v in labels], dtype=np.int64)
    if X.shape[0] < 10:
        raise DataError(f"only {X.shape[0]} usable rows: too few to split into training and "
                        "validation sets")
    return Dataset(table.name, X, y, names, target, classes, notes)


def _label(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _sort_key(label: str) -> tuple[int, float, str]:
    try:
        return (0, float(label), label)
    except ValueError:
        return (1, 0.0, label)


def _list(columns: list[str]) -> str:
    shown = ", ".join(columns[:12])
    return shown + (f", … ({len(columns)} in all)" if len(columns) > 12 else "")

