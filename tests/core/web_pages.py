"""Small news pages written for these tests: a story and its later edit."""

from __future__ import annotations

STORY_V1 = [
    "Council approves new bridge after long debate",
    "The city council voted on Tuesday to build a new bridge over the river, ending two years of argument.",
    "“This bridge will be finished by 2027 and will cost less than any road we could build,” said Mayor Anna Berg.",
    "Opponents said the plan ignored cyclists. The vote was seven to four.",
    "“We were never consulted about the design,” said Tomas Lind, who leads the cycling club.",
    "Construction is due to start in the spring, the council said.",
    "Residents can see the plans at the library until the end of the month.",
]

STORY_V2 = [
    "Council approves new bridge after long debate",
    "The city council voted on Tuesday to build a new bridge over the river, ending three years of argument.",
    "“This bridge will be finished by 2029 and will cost less than any road we could build,” said Mayor Anna Berg.",
    "Opponents said the plan ignored cyclists. The vote was seven to four.",
    "Construction is due to start in the spring, the council said.",
    "A public meeting about the bridge will be held next week.",
    "Residents can see the plans at the library until the end of the month.",
]


def html_page(paragraphs: list[str], title: str | None = None) -> str:
    """A news page: headline, paragraphs, and a script and image that must never be fetched or run."""
    headline, *body = paragraphs
    title = title or headline
    items = "\n".join(f"      <p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{title}</title>
    <script src="/tracker.js"></script>
    <link rel="stylesheet" href="/style.css">
  </head>
  <body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article>
      <h1>{headline}</h1>
      <img src="/bridge.jpg" alt="The river">
{items}
    </article>
    <footer>© The Riverside Gazette</footer>
  </body>
</html>
"""
