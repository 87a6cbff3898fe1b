"""The web: fetch a page, keep every version of it, and say what changed between them.

- ``model.py``: addresses, what a fetch returns, its errors (no HTTP client imported);
- ``fetch.py``: one GET for the page itself (limits, redirects recorded, HTML or text only);
- ``snapshots.py``: the page's folder — versions as received, gzipped, with their records;
- ``update.py``: a fetch made into a new version, the article file and its sidecar updated;
- ``provenance.py``: the URL and fetch time in the metadata of a fetched article;
- ``sentences.py``, ``word_diff.py``, ``article_diff.py``: the diff between two versions.
"""
