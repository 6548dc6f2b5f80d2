"""``ficshelf learn``: mine author-tagged works for the knowledge base (see docs/knowledge-base.md).

Pure: works with their authors' tags in, knowledge-base file contents (plain dicts) out; the command writes them.
"""

from __future__ import annotations

from ficshelf.analysis.learning.corpus import TaggedWork, tagged_work
from ficshelf.analysis.learning.learn import Learned, LearnOptions, learn

__all__ = ["LearnOptions", "Learned", "TaggedWork", "learn", "tagged_work"]
