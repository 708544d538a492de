"""spaCy components of jpnlp, one factory per module.

=========================  =====================================  ================================
factory                    assigns                                module
=========================  =====================================  ================================
``jpnlp_treaties_v1``      TREATY entities                        :mod:`.treaties`
``jpnlp_leaders_v1``       LEADER entities, ``._.role``           :mod:`.leaders`
``jpnlp_dates_v1``         DATE entities, ``._.value``/``._.mod``  :mod:`.dates`
``jpnlp_linker_v1``        ``._.en``/``._.en_full``/``._.id``,    :mod:`.linker`
                           ``kb_id_``, anaphora
``jpnlp_votes_v1``         VOTE entities, ``doc._.votes``          :mod:`.votes`
=========================  =====================================  ================================

Factory names carry their version as ``_v1`` (spaCy forbids ``.`` in factory
names, E853).  Importing this package registers the factories and the extension
attributes; the ``spacy_factories`` entry points do the same for a saved
pipeline loaded with plain ``spacy.load``.
"""

from __future__ import annotations

from . import dates, leaders, linker, treaties, votes  # noqa: F401  (registration)
from .base import LABELS, register_extensions

register_extensions()

__all__ = ["LABELS", "register_extensions"]
