"""The course server: a teacher's course, every learner's attempts graded in the sandbox.

Needs the ``server`` extra (``pip install 'mlkata[server]'``). The core (engine, sandbox,
workspace, progress) never imports this package.
"""
