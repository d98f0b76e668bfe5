"""The trainer's views (ipywidgets): the parts of the lecture decks that are widgets."""
