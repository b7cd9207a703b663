"""factlint: an editorial fact-check and sourcing-quality linter for news drafts."""
__version__ = "0.1.0"

from .api import lint_paths, lint_text, load_rules  # noqa: E402
from .finding import Finding, Fix  # noqa: E402
from .reading import ReadError  # noqa: E402
from .ruleset import RuleLoadError, RuleSet  # noqa: E402

__all__ = ["lint_text", "lint_paths", "load_rules", "Finding", "Fix", "ReadError", "RuleLoadError",
           "RuleSet", "__version__"]
