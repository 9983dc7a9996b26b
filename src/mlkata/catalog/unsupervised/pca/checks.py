"""pca: shapes, a worked example, random data, edge shapes, centring — all up to sign.

The sign of a principal axis is arbitrary: if u is an axis, so is −u, and the projections onto
it change sign with it. So no case is compared with the reference's output as it stands. Each
case runs the reference here, flips the sign of every returned axis (and of its column of
X_proj) to agree with the reference's, and only then compares. Known mistakes are recognised
the same way, up to sign, and the shared recognisers (a ddof ratio, ...) see the aligned
difference.
"""

import runpy
import warnings
from functools import cache
from pathlib import Path

import numpy as np

from mlkata.engine import describe
from mlkata.engine.compare import compare
from mlkata.engine.diagnose import recognise
from mlkata.engine.kit import Finding, call, check

HERE = Path(__file__).parent
NAMES = ["components", "explained_variance", "X_proj"]


@cache
def _reference():
    return runpy.run_path(str(HERE / "solution.py"))["pca"]


def _message(mistake):
    """The MESSAGE of a known mistake, for the judge that names it."""
    return runpy.run_path(str(HERE / "mistakes" / f"{mistake}.py"))["MESSAGE"]


@cache
def _mistakes():
    """(id, MESSAGE, pca) of every known mistake matched by its output, in file-name order."""
    found = []
    for path in sorted((HERE / "mistakes").glob("*.py")):
        module = runpy.run_path(str(path))
        if module.get("DIAGNOSIS", path.stem) == path.stem:  # else a shared recogniser names it
            found.append((path.stem, module["MESSAGE"], module["pca"]))
    return tuple(found)


def _readonly(X):
    X = np.array(X)
    X.setflags(write=False)
    return X


def _aligned(got, want):
    """got with each axis (and its X_proj column) flipped to the sign of the reference's."""
    if not (isinstance(got, tuple) and len(got) == 3):
        return got
    components, variances, proj = got
    if not (isinstance(components, np.ndarray) and components.shape == want[0].shape
            and components.dtype.kind in "iuf"):
        return got
    signs = np.sign(np.sum(components * want[0], axis=1))
    signs[signs == 0] = 1.0
    components = components * signs[:, None]
    if isinstance(proj, np.ndarray) and proj.shape == want[2].shape and proj.dtype.kind in "iuf":
        proj = proj * signs[None, :]
    return components, variances, proj


def _equivalent(a, b, want):
    """Two outputs that agree once each axis is given the reference's sign.

    Outputs whose components have another shape than the reference's cannot be aligned axis by
    axis; they are compared entry by entry in absolute value instead.
    """
    a, b = _aligned(a, want), _aligned(b, want)
    if not (isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 3):
        return False
    for x, y in zip(a, b, strict=True):
        if not (isinstance(x, np.ndarray) and isinstance(y, np.ndarray)) or x.shape != y.shape \
                or x.dtype.kind not in "iuf" or y.dtype.kind not in "iuf":
            return False
    if a[0].shape == want[0].shape:
        return compare(a, b, rtol=1e-7) is None
    return all(compare(np.abs(x.astype(float)), np.abs(y.astype(float)), rtol=1e-7) is None
               for x, y in zip(a, b, strict=True))


def _known_mistake(X, k, got, want):
    """The first known mistake that gives the learner's output here (and not the right one)."""
    for mistake_id, message, fn in _mistakes():
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                theirs = fn(_readonly(X), k)
        except Exception:
            continue
        if _equivalent(theirs, got, want) and not _equivalent(theirs, want, want):
            return mistake_id, message
    return None


def _signs_inconsistent(got, want):
    """Right axes and variances, and X_proj right but for the signs of some columns."""
    out = _aligned(got, want)
    if compare(want[:2], out[:2], rtol=1e-7) is not None:
        return False
    proj = out[2]
    return all(compare(np.abs(want[2][:, j]), np.abs(proj[:, j]), rtol=1e-7) is None
               for j in range(want[2].shape[1]))


def _shown(value):
    return describe.value(value, width=66).replace("\n", "\n" + " " * 10)


def _pca(X, k, far_from_zero=False):
    """A case judged up to the sign of each axis (see the module's docstring).

    far_from_zero: the data sit far from the origin, and an answer off by a small relative
    amount (while every earlier check passed) lost its digits to cancellation, however the
    covariance was written; the exact wrong numbers vary, so they are judged by size.
    """
    X = np.asarray(X)
    want = _reference()(_readonly(X), k)

    def judge(got, expected, case):
        out = got.get("pca")
        mismatch = compare(want, _aligned(out, want), rtol=1e-7, names=NAMES)
        if mismatch is None:
            return None
        text = mismatch.message
        if mismatch.kind == "value":
            if mismatch.max_abs is not None:
                text += f"; largest difference {mismatch.max_abs:.3g}"
            if mismatch.path in ("components", "X_proj"):
                text += " (after matching each axis's sign to the expected one)"
            text += f"\nexpected  {_shown(mismatch.expected)}\ngot       {_shown(mismatch.got)}"
        if far_from_zero and compare(want, _aligned(out, want), rtol=0.5) is None:
            return Finding(text, "one_pass_covariance", _message("one_pass_covariance"))
        if mismatch.path == "X_proj" and _signs_inconsistent(out, want):
            return Finding(text, "signs_after_projection", _message("signs_after_projection"))
        named = _known_mistake(X, k, out, want)
        if named:
            return Finding(text, *named)
        generic = recognise(mismatch, {"m": len(X)})
        if generic:
            return Finding(text, generic.id, generic.message)
        return text

    return call("pca", X, k).without_reference().judge(judge)


def _random_orthogonal(rng, n):
    q, r = np.linalg.qr(rng.normal(size=(n, n)))
    return q * np.sign(np.diag(r))


def _data(rng, m, n, offset=5.0, far=False):
    """m × n data whose covariance eigenvalues are exactly known and well apart.

    The centred data are Q diag(√((m−1) λ)) Rᵀ with Q's columns orthonormal and centred and R
    orthogonal, so the sample covariance is R diag(λ) Rᵀ: eigenvalues λ (each about 0.6 of
    the one before it) along random axes. No two variances are close, so every sound method
    finds the same axes up to sign.
    """
    r = min(n, m - 1)
    lam = 8.0 * 0.6 ** np.arange(r) * rng.uniform(0.92, 1.08, size=r)
    Z = rng.normal(size=(m, r))
    Q, _ = np.linalg.qr(Z - Z.mean(axis=0))
    R = _random_orthogonal(rng, n)[:, :r]
    mean = (rng.choice([-1.0, 1.0], size=n) * rng.uniform(5e5, 2e6, size=n) if far
            else rng.uniform(-offset, offset, size=n))
    return mean + (Q * np.sqrt((m - 1) * lam)) @ R.T


@check("contract", "returns components (k, n), explained_variance (k,) and X_proj (m, k)")
def shapes(rng):
    yield _pca(_data(rng, 6, 4), 2)


@check("contract", "accepts an integer X")
def integer_input(rng):
    while True:  # integer data whose covariance eigenvalues are well apart
        X = rng.integers(-9, 10, size=(8, 3)) * np.array([3, 2, 1])
        ev = np.linalg.eigvalsh(np.cov(X, rowvar=False))
        if np.all(np.diff(ev) > 0.2 * ev[1:]) and ev[0] > 0.1:
            break
    yield _pca(X, 2)


@check("fixed", "the worked example: the axis (0.6, 0.8) with variance 50/3")
def worked_example(rng):
    # mean (1, 2) ± 5 (0.6, 0.8) and ± 1 (−0.8, 0.6)
    X = np.array([[4.0, 6.0], [-2.0, -2.0], [0.2, 2.6], [1.8, 1.4]])
    yield _pca(X, 1)
    yield _pca(X, 2)


@check("random", "agrees with the reference on random data (up to the sign of each axis)")
def random_data(rng):
    for m, n, k in [(10, 4, 2), (7, 5, 3), (25, 6, 1), (15, 3, 2), (40, 8, 5)]:
        yield _pca(_data(rng, m, n), k)


@check("property", "one component, all n components, and more features than samples")
def edge_shapes(rng):
    yield _pca(_data(rng, 9, 4), 1)
    yield _pca(_data(rng, 9, 4), 4)
    yield _pca(_data(rng, 6, 9), 3)  # rank m − 1 = 5: only 5 axes carry variance


@check("stability", "stays accurate for data far from the origin (a mean of about a million)")
def far_mean(rng):
    for m, n, k in [(12, 3, 2), (20, 5, 3)]:
        yield _pca(_data(rng, m, n, far=True), k, far_from_zero=True).because(
            "every feature is a million or so plus a spread of a few units")
