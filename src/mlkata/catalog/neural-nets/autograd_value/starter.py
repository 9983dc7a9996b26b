"""A scalar autograd engine.  Theory: `mlkata theory autograd_value`."""

import math  # noqa: F401  (math.tanh, math.exp, math.log)


class Value:
    """A scalar that remembers how it was computed, so that it can backpropagate.

    Value(data) holds a number in `.data` (a float) and its gradient in `.grad` (a float,
    0.0 until backward() is called). Operators and methods build new Values:

        a + b, a - b, a * b, a / b   with a Value or a plain number on either side
        -a, a ** n                   n a plain number (int or float)
        a.tanh(), a.relu(), a.exp(), a.log()

    Each result records the Values it was computed from (`_children`) and how to pass its
    gradient back to them. `_children` is for your operators only: the checker calls
    Value(data).
    """

    def __init__(self, data, _children=()):
        raise NotImplementedError

    def __add__(self, other):
        """self + other; other is a Value or a number."""
        raise NotImplementedError

    def __mul__(self, other):
        """self * other."""
        raise NotImplementedError

    def __truediv__(self, other):
        """self / other."""
        raise NotImplementedError

    def __pow__(self, n):
        """self ** n, for a plain number n (int or float)."""
        raise NotImplementedError

    def __neg__(self):
        """-self."""
        raise NotImplementedError

    def __sub__(self, other):
        """self - other."""
        raise NotImplementedError

    def __radd__(self, other):
        """other + self, when other is a number (Python calls this for 3 + a)."""
        raise NotImplementedError

    def __rmul__(self, other):
        """other * self (for 3 * a)."""
        raise NotImplementedError

    def __rsub__(self, other):
        """other - self (for 3 - a). Mind the order."""
        raise NotImplementedError

    def __rtruediv__(self, other):
        """other / self (for 3 / a). Mind the order."""
        raise NotImplementedError

    def tanh(self):
        """tanh(self); its derivative is 1 - tanh(self)**2."""
        raise NotImplementedError

    def relu(self):
        """max(self, 0); derivative 1 where self > 0, else 0 (also at exactly 0)."""
        raise NotImplementedError

    def exp(self):
        """exp(self); its derivative is exp(self)."""
        raise NotImplementedError

    def log(self):
        """Natural log of self (self > 0); its derivative is 1 / self."""
        raise NotImplementedError

    def backward(self):
        """Backpropagate from this Value.

        Set self.grad = 1, then visit every Value this one depends on, each exactly once, in
        reverse topological order (a node only after every node computed from it), and add
        (+=, never =) each node's contribution into the grads of the nodes it came from.
        """
        raise NotImplementedError
