"""The trainer's side of the kit: lecture decks (and, to come, the FGD board, evaluation,
attendance, the dashboard and the activity report). Plain modules here; views in ``ui/``."""
