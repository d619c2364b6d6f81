"""Grading a class: ``make grade SUBMISSIONS=folder/``.

An instructor collects the students' notebooks into one folder (any layout:
``alice/01_reading_exercises.ipynb`` or ``alice-01.ipynb``) and runs::

    make grade SUBMISSIONS=path/to/folder      # or: python -m tools.grading path/to/folder

Every notebook found is **copied** and run top to bottom in a fresh kernel of
the course environment, with a time limit per cell and per notebook and, where
the platform allows it, no network.  The submissions themselves are never
changed.  Then the course's own checks (``helpers.exercises``) are run, in the
grading process, on the values each student's code left in the answer names
(``n_paragraphs``, ``weekdays``, ...).  Neither the student's check cells nor
their stored outputs count: an edited or deleted check cell, or a pasted ✅,
changes nothing.

The report folder (``build/grades/<folder name>/`` unless ``--out`` says
otherwise) holds

* ``gradebook.csv`` -- one row per student, one column per exercise (the verdict
  in words: correct, complete, not yet, not answered, error, did not run,
  written), plus totals and the reason when a notebook could not be run;
* ``feedback/<student>.html`` -- each student's verdicts with the hints the checks gave;
* ``summary.html`` and ``summary.png`` -- for each exercise, how many got it,
  the most common wrong answers and hints;
* ``written/<exercise>.html`` -- the written answers of every student side by
  side, with the rubric from the instructor guide, for marking by hand;
* ``index.html`` linking them.

Modules: :mod:`.exercises` (what each course notebook asks), :mod:`.answers`
(answers out of a kernel as plain data), :mod:`.run` (running one copy safely),
:mod:`.grade` (verdicts), :mod:`.report` (the files), :mod:`.cli`.
"""
