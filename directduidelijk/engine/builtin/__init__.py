"""Built-in checks: Python for what a YAML word list or pattern cannot express.

Importing this package registers every check in ``BUILTIN_CHECKS`` under the name a rule
uses in ``controle:``.
"""

from directduidelijk.engine.builtin import (  # noqa: F401
    abbreviations,
    address,
    listing,
    negation,
    nominal,
    passive,
    tang,
    words,
)
