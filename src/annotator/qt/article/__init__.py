"""The article view: its document, layout pacing, highlights, finding and the metadata header."""
