"""One CheckSession (real model, shipped rules) shared by the end-to-end tests of a test run."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def shared_session():
    from directduidelijk.session import CheckSession

    return CheckSession.open()


def check_path(path, keep_documents: bool = True):
    from directduidelijk.readers import Input

    return next(shared_session().check([Input(str(path))], keep_documents=keep_documents))
