"""The window's face of the web room: Open URL…, dropped links, Compare Versions."""
