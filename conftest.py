"""pytest settings for the whole course folder (the fixtures and the rest are in tests/conftest.py).

``make student FORCE=1`` keeps a copy of every edited student notebook it replaces in
``notebooks/exercises/backups/``: a student's work, not a notebook of the course, so
nbval never collects it.
"""

collect_ignore_glob = ["notebooks/exercises/backups/*"]
