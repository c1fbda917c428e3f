"""rulings: harvest, parse, mine and review published Dutch criminal court rulings."""

__version__ = "0.1.0"
