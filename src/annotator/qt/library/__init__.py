"""The Library view: a folder of articles beside the article (File → Open Folder…)."""
