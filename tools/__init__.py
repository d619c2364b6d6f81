"""Course tooling: the commands behind ``make student``, ``make nav``, ``make solutions``, ...

Students never import this package; it keeps the two editions of the course in step.

* :mod:`tools.notebooks`  -- the one place for what every tool shares: the course folder (``ROOT``), the
  listing of the solution notebooks, a notebook's number, title and time, reading and writing them
  byte for byte the same way.
* :mod:`tools.student`    -- ``python -m tools.student [--force]``: write the student edition.
* :mod:`tools.navigation` -- ``python -m tools.navigation``: rewrite the navigation cells.
* :mod:`tools.solutions`  -- ``python -m tools.solutions [notebooks...]``: re-run the solution notebooks;
  its ``execute`` is the one runner of notebooks (``make course`` uses it too).
* :mod:`tools.course`     -- ``make course ARTICLE=...``: run the whole course on another article.
* :mod:`tools.html`       -- ``make html``: the solved course as a static website.
* :mod:`tools.evaluate`   -- ``make evaluate``: the source extractor on the real-news benchmark.
* :mod:`tools.grading`    -- ``make grade SUBMISSIONS=...``: grade the notebooks students hand in.
* :mod:`tools.timing`     -- ``make timing``: each notebook's time by the stated rule; the course maps.
* :mod:`tools.python_needs` -- ``make needs``: the Python each exercise needs (in AUTHORING.md).
* :mod:`tools.student_pack` -- ``make student-pack``: the course to hand out, without solutions.
* :mod:`tools.anatomy`    -- what an exercise is and the role of each cell (for the three above and the tests).

Run them from the top folder of the course (the Makefile does).
"""
