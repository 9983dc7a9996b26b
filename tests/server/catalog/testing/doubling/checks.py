from mlkata.engine.kit import call, check


@check("contract", "returns a number")
def returns_number(rng):
    yield call("double", 1)


@check("random", "doubles random integers")
def random_integers(rng):
    for _ in range(3):
        yield call("double", int(rng.integers(1_000, 1_000_000)))
