"""The guide's content pipeline: load and validate content/, render pages.

Plain Python, called by the thin MkDocs hooks in hooks/*.py, so the pipeline does not
depend on MkDocs internals more than it must.
"""
