"""Chinese cues: literal substrings (Chinese has no spaces between words), each also in traditional characters.

Cues are three characters or two that have no everyday sense: not "死了" ("累死了", tired to death), "上床"
("上床睡觉", going to bed), "插入" (inserting a key), "高潮" (a story's climax), "折磨" (torment in general),
"妈的" (inside "妈妈的", mother's), "射了" (shot an arrow).
"""

from __future__ import annotations

from ficshelf.analysis.analysers.cue_lexicons.base import LanguageCues

#: Simplified → traditional for the characters the cues below use (the others are written alike).
_TRADITIONAL = str.maketrans(
    "鲜尸体杀伤头阴茎后强奸礼妈该肠脏斩溅断贱势残讯遗润剂龟滚谋迹轮阳卧开内殴爱凶",
    "鮮屍體殺傷頭陰莖後強姦禮媽該腸臟斬濺斷賤勢殘訊遺潤劑龜滾謀跡輪陽臥開內毆愛兇",
)

_SIMPLIFIED: dict[str, tuple[str, ...]] = {
    "Teen And Up Audiences": (
        "鲜血",
        "流血",
        "血迹",
        "血腥",
        "伤口",
        "淤青",
        "尸体",
        "杀死",
        "杀了",
        "杀人",
        "被杀",
        "谋杀",
        "凶器",
        "他妈的",
        "该死",
        "混蛋",
        "王八蛋",
        "贱人",
        "喝醉",
        "醉醺醺",
        "尖叫",
    ),
    "Mature": (
        "赤裸",
        "裸体",
        "一丝不挂",
        "呻吟",
        "做爱",
        "性爱",
        "性欲",
        "情欲",
        "乳头",
        "乳尖",
        "勃起",
        "酷刑",
        "拷打",
        "肢解",
        "吻痕",
        "我操",
        "操你",
        "卧槽",
        "傻逼",
    ),
    "Explicit": (
        "阴茎",
        "阴蒂",
        "阴道",
        "阴唇",
        "阴囊",
        "性器",
        "肉棒",
        "阳具",
        "精液",
        "射精",
        "后穴",
        "小穴",
        "肉穴",
        "穴口",
        "口交",
        "肛交",
        "自慰",
        "手淫",
        "前列腺",
        "龟头",
        "性交",
        "抽插",
        "润滑剂",
        "肏",
    ),
    "Rape/Non-Con": ("强奸", "强暴", "性侵", "迷奸", "轮奸"),
    "Major Character Death": ("他死了", "她死了", "葬礼", "去世", "死讯", "遗体", "墓碑", "他的死", "她的死"),
    "Graphic Depictions Of Violence": (
        "血肉模糊",
        "肢解",
        "斩首",
        "开膛",
        "内脏",
        "肠子",
        "酷刑",
        "血溅",
        "碎尸",
        "断肢",
    ),
    "Violence": ("谋杀", "酷刑", "刺死", "砍死", "殴打"),
    "Torture": ("酷刑", "拷打"),
    "Swearing": ("他妈的", "操你", "我操", "卧槽", "混蛋", "王八蛋", "该死", "贱人", "傻逼", "滚蛋"),
    "blood": ("鲜血", "流血", "血迹", "血液", "出血"),
    "injury": ("受伤", "伤口", "淤青", "骨折", "伤势"),
    "self-harm": ("自残", "割腕", "自伤"),
    "death": ("死亡", "去世", "死去", "尸体"),
}


def _both_scripts(cues: tuple[str, ...]) -> tuple[str, ...]:
    out = list(cues)
    out += [t for c in cues if (t := c.translate(_TRADITIONAL)) not in out]
    return tuple(out)


CUES = LanguageCues("zh", {name: _both_scripts(cues) for name, cues in _SIMPLIFIED.items()}, substrings=True)
