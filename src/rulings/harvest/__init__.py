"""Sources of rulings: each lists ECLIs and hands over documents as served (RawDocument).

opendata   data.rechtspraak.nl: the ECLI index (Atom) and the document service (the main source)
website    the full-text search behind uitspraken.rechtspraak.nl (the study's queries); its hits
           are fetched through opendata
bulk       OpenDataUitspraken.zip and folders of XML files (offline; `rulings import`)

``harvest.http`` is the only module that talks HTTP; ``harvest.base`` holds the loop the remote
sources share (skip what is current, fetch, write atomically, log, resume).
"""

from __future__ import annotations

from rulings.harvest.opendata import OpenDataSource
from rulings.harvest.website import WebsiteSearch

SOURCES: dict[str, type[OpenDataSource] | type[WebsiteSearch]] = {
    OpenDataSource.name: OpenDataSource,
    WebsiteSearch.name: WebsiteSearch,
}

__all__ = ["SOURCES", "OpenDataSource", "WebsiteSearch"]
