"""The stages of `python build.py`, one module each (see build.py for the order)."""
