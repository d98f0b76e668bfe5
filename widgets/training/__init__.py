"""The trainer's side: lecture decks, trainer access, evaluation (pre/post test, satisfaction),
attendance, the dashboard and the activity report. Core modules here never import ipywidgets;
the views are in ``widgets/training/ui/``."""
