"""Open-rechtspraak XML -> Ruling: metadata, summary, and the body as sections with roles."""

from rulings.parse.metadata import court_code
from rulings.parse.roles import role_for_heading
from rulings.parse.ruling import parse_ruling

__all__ = ["court_code", "parse_ruling", "role_for_heading"]
