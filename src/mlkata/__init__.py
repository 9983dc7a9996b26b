"""mlkata: implement machine learning from the theory, checked in an instant."""

__version__ = "0.1.0"
