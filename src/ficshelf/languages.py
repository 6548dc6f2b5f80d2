"""One spelling for a work's language everywhere: a BCP-47 code (ISO 639-1 where one exists).

AO3 shows a language by its own name ("English", "Русский", "中文-普通话 國語"), FanFiction.Net by its English
name ("Spanish"), EPUB metadata by a code ("en-US"); ``ficshelf analyze`` detects an ISO 639-1 code. Every
importer passes what it found through ``language_code`` so ``Work.language`` and the analysis agree.
"""

from __future__ import annotations

import re

#: AO3's language names (as its language menu writes them) and FanFiction.Net's English names → code.
LANGUAGE_NAMES: dict[str, str] = {
    "afrikaans": "af",
    "albanian": "sq",
    "arabic": "ar",
    "bahasa indonesia": "id",
    "indonesian": "id",
    "bahasa malaysia": "ms",
    "malay": "ms",
    "bosanski": "bs",
    "bulgarian": "bg",
    "català": "ca",
    "catalan": "ca",
    "chinese": "zh",
    "cantonese": "yue",
    "croatian": "hr",
    "cymraeg": "cy",
    "czech": "cs",
    "čeština": "cs",
    "dansk": "da",
    "danish": "da",
    "deutsch": "de",
    "german": "de",
    "dutch": "nl",
    "eesti": "et",
    "estonian": "et",
    "english": "en",
    "español": "es",
    "spanish": "es",
    "esperanto": "eo",
    "euskara": "eu",
    "basque": "eu",
    "filipino": "fil",
    "tagalog": "tl",
    "finnish": "fi",
    "français": "fr",
    "french": "fr",
    "gaeilge": "ga",
    "irish": "ga",
    "galego": "gl",
    "greek": "el",
    "ελληνικά": "el",
    "hebrew": "he",
    "עברית": "he",
    "hindi": "hi",
    "हिन्दी": "hi",
    "hrvatski": "hr",
    "hungarian": "hu",
    "icelandic": "is",
    "íslenska": "is",
    "italiano": "it",
    "italian": "it",
    "japanese": "ja",
    "日本語": "ja",
    "korean": "ko",
    "한국어": "ko",
    "latine": "la",
    "lingua latina": "la",
    "latin": "la",
    "latviešu valoda": "lv",
    "latvian": "lv",
    "lietuvių kalba": "lt",
    "lietuvių": "lt",
    "lithuanian": "lt",
    "magyar": "hu",
    "nederlands": "nl",
    "norsk": "no",
    "norwegian": "no",
    "persian": "fa",
    "فارسی": "fa",
    "polski": "pl",
    "polish": "pl",
    "português": "pt",
    "portuguese": "pt",
    "português brasileiro": "pt-BR",
    "português europeu": "pt-PT",
    "română": "ro",
    "romanian": "ro",
    "russian": "ru",
    "русский": "ru",
    "serbian": "sr",
    "srpski": "sr",
    "shqip": "sq",
    "slovenčina": "sk",
    "slovak": "sk",
    "slovenščina": "sl",
    "slovenian": "sl",
    "suomi": "fi",
    "svenska": "sv",
    "swedish": "sv",
    "kiswahili": "sw",
    "swahili": "sw",
    "thai": "th",
    "ไทย": "th",
    "tiếng việt": "vi",
    "vietnamese": "vi",
    "türkçe": "tr",
    "turkish": "tr",
    "ukrainian": "uk",
    "українська": "uk",
    "български": "bg",
    "العربية": "ar",
    "toki pona": "tok",
    "klingon": "tlh",
}
_CODE = re.compile(r"^([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{2,8})*)$")


def language_code(value: str) -> str:
    """The BCP-47 code for a language name or code; ``""`` for nothing, ``"und"`` for a name not known.

    >>> language_code("English"), language_code("中文-普通话 國語"), language_code("en_us")
    ('en', 'zh', 'en-US')
    """
    text = " ".join(value.split())
    if not text:
        return ""
    key = text.casefold()
    if key in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[key]
    if key.startswith("中文"):
        return "yue" if "广东话" in key or "粵語" in key else "zh"
    code = _CODE.match(text)
    if code and (len(code.group(1)) == 2 or code.group(2) or key in {"und", "fil", "yue", "tok", "tlh"}):
        return _tidy(code.group(1), code.group(2))
    return "und"


def _tidy(primary: str, rest: str) -> str:
    parts = [primary.lower()]
    for part in filter(None, re.split(r"[-_]", rest)):
        parts.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "-".join(parts)
