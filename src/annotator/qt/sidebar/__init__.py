"""The sidebar: the Quotes and People tabs, their item models, delegates and links to the article."""
