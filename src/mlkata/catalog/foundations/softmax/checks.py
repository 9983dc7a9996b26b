"""softmax: the contract, a worked example, random agreement, the axis, stability."""

import numpy as np

from mlkata.engine.kit import call, check


@check("contract", "returns an array of z's shape")
def same_shape(rng):
    yield call("softmax", np.array([1.0, 2.0, 3.0])).structure_only()
    yield call("softmax", rng.normal(size=(2, 3))).structure_only()


@check("contract", "accepts integer logits")
def integer_logits(rng):
    yield call("softmax", np.array([[1, 2, 3], [0, 0, 5]])).structure_only()


@check("fixed", "integer logits give the same result as floats")
def integer_values(rng):
    yield call("softmax", np.array([[1, 2, 3], [0, 0, 5]]))


@check("fixed", "softmax([0, log 3]) = [1/4, 3/4]")
def worked_example(rng):
    yield call("softmax", np.array([0.0, np.log(3.0)]))


@check("random", "agrees with the reference on random logits")
def random_logits(rng):
    for shape in [(5,), (2, 5), (3, 4, 2), (7, 6)]:
        yield call("softmax", rng.normal(scale=3.0, size=shape))


@check("property", "sums to 1 along the axis it is given")
def along_axis(rng):
    z = rng.normal(size=(2, 3, 4))
    for axis in (0, 1, 2, -2):
        yield call("softmax", z, axis=axis)


@check("stability", "stays finite for logits of ±1000")
def large_logits(rng):
    yield call("softmax", np.array([1000.0, 999.0, -1000.0]))
    yield call("softmax", np.array([[1000.0, 999.0, 998.0], [-1000.0, -999.0, -1001.0]])
               ).because("the two rows are 2000 apart")
    yield call("softmax", np.array([[1000.0, -1000.0], [999.0, -999.0], [0.0, 1.0]]), axis=0)
