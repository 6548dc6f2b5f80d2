"""Each account's personal dictionary for the beta reader: the words it accepts and the rules it muted.

An account without a stored dictionary has an empty one; saving replaces the whole dictionary.
"""

from __future__ import annotations

from ficshelf.beta.dictionary import PersonalDictionary
from ficshelf.store import tables as t
from ficshelf.store.access import account_row
from ficshelf.store.engine import Store


def personal_dictionary(store: Store, user: int) -> PersonalDictionary:
    """The account's dictionary (empty when it never ignored a hint)."""
    with store.read() as session:
        row = session.get(t.PersonalDictionary, user)
        if row is None:
            return PersonalDictionary()
        return PersonalDictionary.from_json({"words": row.words, "muted_rules": row.muted_rules})


def save_personal_dictionary(store: Store, user: int, dictionary: PersonalDictionary) -> None:
    """Store ``dictionary`` as the account's (NotFound when there is no such account)."""
    data = dictionary.to_json()
    with store.write() as session:
        account_row(session, user)
        row = session.get(t.PersonalDictionary, user)
        if row is None:
            session.add(t.PersonalDictionary(user_id=user, words=data["words"], muted_rules=data["muted_rules"]))
            return
        row.words, row.muted_rules, row.updated = data["words"], data["muted_rules"], t.now()
