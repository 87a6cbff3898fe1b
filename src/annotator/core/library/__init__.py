"""A folder of articles as one workspace: an index of every article, its quotes, people and annotations.

The index is a cache, never the source of truth: the article files and their sidecars are. It
lives in ``FOLDER/.annotator/library.sqlite`` (or the user's cache folder when the folder cannot
be written), is rebuilt by itself when its schema changes, and is brought up to date
incrementally: only articles whose file or sidecar changed are read again. The usual entry
points::

    report = index_folder(folder)                       # incremental; parallel across processes
    with open_library(folder) as library:               # read-only queries
        hits = search(library, "flood wall", scope="quotes", speaker="Okafor")
        rows = share_of_voice(library)
"""

from annotator.core.library.database import SCHEMA_VERSION, Library, LibraryError, open_library
from annotator.core.library.indexer import IndexReport, index_folder
from annotator.core.library.search import SEARCH_SCOPES, Hit, SearchFilters, search
from annotator.core.library.voice import UNATTRIBUTED, VoiceRow, share_of_voice

__all__ = [
    "SCHEMA_VERSION",
    "SEARCH_SCOPES",
    "UNATTRIBUTED",
    "Hit",
    "IndexReport",
    "Library",
    "LibraryError",
    "SearchFilters",
    "VoiceRow",
    "index_folder",
    "open_library",
    "search",
    "share_of_voice",
]
