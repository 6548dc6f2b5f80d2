"""Speech verbs and pronouns for dialogue attribution."""

from __future__ import annotations

import re

VERBS = (
    "said says say asked asks ask exclaimed exclaims shouted shouts yelled yells whispered whispers replied "
    "replies called calls muttered mutters murmured murmurs cried cries answered answers added adds began "
    "begins continued continues snapped snaps growled growls demanded demands corrected corrects prompted "
    "prompts rasped rasps admitted admits sighed sighs laughed laughs elaborated stammered stuttered "
    "screamed screams hissed hisses breathed questioned questions responded responds retorted retorts "
    "agreed agrees insisted insists suggested suggests told tells spoke speaks declared declares announced "
    "mumbled mumbles scoffed scoffs teased teases joked jokes pleaded pleads begged begs offered offers "
    "interrupted interrupts explained explains called sobbed sobs chuckled chuckles giggled giggles "
    "grumbled grumbles groaned groans gasped gasps barked barks sneered sneers purred purrs drawled drawls "
    "managed manages finished finishes started starts chirped chirps squeaked squeaks protested protests "
    "repeated repeats warned warns ordered orders commanded commands informed informs greeted greets"
).split()
SPEECH_VERB = re.compile(r"\b(?:" + "|".join(sorted(set(VERBS), key=len, reverse=True)) + r")\b", re.I)
PRONOUNS = r"\b(?:[Hh]e|[Ss]he)\b"
_TAG_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(set(VERBS), key=len, reverse=True)) + r")\b[^.!?\"“”]{0,40}[,:]\s*$", re.I)


def ends_with_speech_tag(narration: str) -> bool:
    """``Lee said,`` / ``Sakura asked him:`` right before a quote."""
    return bool(_TAG_BEFORE.search(narration[-80:]))
