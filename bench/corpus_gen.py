"""Seeded generator of news-like articles about China's platform economy, for scale tests.

Articles look like the seed corpus: Markdown with YAML front matter (title, published, language,
source) and ~300 words of prose in which companies, people, programs, dates and amounts recur in
varied sentence shapes (partnerships, investments, launches, appointments, user counts, analysis).
The same ``seed`` always gives the same articles; article ``i`` does not depend on how many are
generated, so the 100-article corpus is a prefix of the 1,000-article one.

>>> a = generate_article(7, seed=1)
>>> a == generate_article(7, seed=1), a.words > 200
(True, True)
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

#: Real companies of the field, so extraction sees familiar names too.
KNOWN_COMPANIES = (
    "Xiaohongshu",
    "Taotian",
    "JD.com",
    "Alibaba",
    "Tencent",
    "ByteDance",
    "Douyin",
    "Kuaishou",
    "Pinduoduo",
    "Meituan",
    "Youzan",
    "Weimob",
    "Vipshop",
    "Baidu",
    "NetEase",
    "Bilibili",
    "Weibo",
    "Xiaomi",
    "Huawei",
    "Ant Group",
    "Cainiao",
    "SF Express",
    "Ele.me",
    "Dewu",
    "Zhihu",
    "Trip.com",
)
_SYLLABLES = (
    "hao",
    "yun",
    "lian",
    "xin",
    "tian",
    "feng",
    "hua",
    "mei",
    "jia",
    "kang",
    "long",
    "ming",
    "rui",
    "sheng",
    "tong",
    "wei",
    "xing",
    "yao",
    "zhi",
    "bo",
    "chen",
    "da",
    "fang",
    "guang",
    "hong",
    "jin",
    "le",
    "ning",
    "qi",
    "shan",
    "tao",
    "wan",
    "xiao",
    "yi",
    "zhong",
    "an",
    "bai",
    "cheng",
    "de",
    "fu",
)
_COMPANY_SUFFIXES = (
    "Technology",
    "Group",
    "Network",
    "Holdings",
    "Digital",
    "E-commerce",
    "Logistics",
    "Media",
    "Capital",
)
_SURNAMES = (
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Zhao",
    "Huang",
    "Zhou",
    "Wu",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "Lin",
    "He",
    "Gao",
    "Luo",
)
_ROLES = (
    "CEO",
    "chairman",
    "president",
    "chief financial officer",
    "co-founder",
    "head of e-commerce",
    "vice president",
)
_PROGRAM_WORDS = (
    "Red Cat",
    "Blue Sea",
    "Spark",
    "Rising Star",
    "Green Shoots",
    "Golden Bridge",
    "Open Link",
    "Silver Wave",
    "Bright Path",
    "New Harvest",
)
_PROGRAM_KINDS = ("Plan", "Program", "Initiative", "Project", "Alliance")
_EVENTS = ("618 promotion", "Double 11 shopping festival", "Spring Festival sale", "Double 12 promotion")
_CITIES = ("Shanghai", "Beijing", "Hangzhou", "Shenzhen", "Guangzhou", "Chengdu", "Wuhan", "Nanjing")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_METRICS = ("monthly active users", "daily active users", "merchants", "registered sellers", "content creators")
_TOPICS = (
    "live-streaming e-commerce",
    "external links",
    "advertising monetization",
    "instant retail",
    "cross-border e-commerce",
    "content commerce",
    "merchant services",
    "community group buying",
)

#: Analysis sentences with no facts: real articles are mostly this.
_FILLER = (
    "Analysts see the move as part of a wider contest for traffic in {topic}.",
    "The shift reflects how hard growth has become for platforms that rely on {topic}.",
    "For merchants, the question is whether the new traffic converts into orders or only into impressions.",
    "Industry observers note that the market for {topic} has matured and user acquisition costs keep rising.",
    "The company did not disclose further financial details.",
    "Competition in {topic} has pushed several platforms to open their ecosystems to former rivals.",
    "Some sellers said the rules changed too often for them to plan their inventory.",
    "Whether this strategy pays off will depend on how users respond over the coming quarters.",
    "Regulators have also paid closer attention to data sharing between large platforms.",
    "The closed loop of content, search and payment remains the goal, but the path there is long.",
)


@dataclass(frozen=True)
class Article:
    """One generated article: its file name, Markdown text and word count of its body."""

    name: str
    markdown: str
    body: str
    words: int


def _company_pool(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
        names.add(f"{stem} {rng.choice(_COMPANY_SUFFIXES)}" if rng.random() < 0.6 else stem)
    return sorted(names)


def _people_pool(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        given = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((1, 2)))).capitalize()
        names.add(f"{rng.choice(_SURNAMES)} {given}")
    return sorted(names)


def _program_pool(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        name = f"{rng.choice(_PROGRAM_WORDS)} {rng.choice(_PROGRAM_KINDS)}"
        if rng.random() < 0.3:
            name += f" {rng.randint(1, 3)}.0"
        names.add(name)
    return sorted(names)


# Pools are fixed by a constant seed so every corpus seed shares the same world of names.
_WORLD = random.Random(20250507)
COMPANIES = list(KNOWN_COMPANIES) + _company_pool(_WORLD, 400)
PEOPLE = _people_pool(_WORLD, 300)
PROGRAMS = _program_pool(_WORLD, 60)


def _zipf_pick(rng: random.Random, pool: list[str]) -> str:
    """Well-known names recur far more often than obscure ones (as in real coverage)."""
    index = int(len(pool) * rng.random() ** 3)
    return pool[min(index, len(pool) - 1)]


def _date_phrase(rng: random.Random, year: int, month: int) -> str:
    day = rng.randint(1, 28)
    return rng.choice(
        (
            f"On {_MONTHS[month - 1]} {day}",
            f"On {_MONTHS[month - 1]} {day}, {year}",
            f"In {_MONTHS[month - 1]} {year}",
            f"In {year}",
            "Earlier this month",
            "Last year",
        )
    )


def _amount(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(2, 900)} million yuan",
            f"{rng.randint(1, 60)} billion yuan",
            f"${rng.randint(5, 500)} million",
            f"{rng.randint(1, 30)} billion US dollars",
        )
    )


def _fact_sentence(rng: random.Random, year: int, month: int) -> str:
    a, b = _zipf_pick(rng, COMPANIES), _zipf_pick(rng, COMPANIES)
    while b == a:
        b = rng.choice(COMPANIES)
    person, program = _zipf_pick(rng, PEOPLE), _zipf_pick(rng, PROGRAMS)
    when = _date_phrase(rng, year, month)
    kind = rng.randrange(12)
    if kind == 0:
        return f"{when}, {a} and {b} announced that they had reached a cooperation on {rng.choice(_TOPICS)}."
    if kind == 1:
        city = _CITIES[rng.randrange(8)]
        return f"{a} has reached a strategic partnership with {b}, according to a statement released in {city}."
    if kind == 2:
        return f"{when}, {a} invested {_amount(rng)} in {b}, becoming its second-largest shareholder."
    if kind == 3:
        return f"{b} completed a financing round of {_amount(rng)} led by {a}."
    if kind == 4:
        event = rng.choice(_EVENTS)
        return f"{when}, {a} launched the \u201c{program}\u201d to support small merchants ahead of the {event}."
    if kind == 5:
        return f"The two sides jointly launched the {program}, which {b} said would run until the end of {year}."
    if kind == 6:
        return f"{person}, {rng.choice(_ROLES)} of {a}, said the company would keep investing in {rng.choice(_TOPICS)}."
    if kind == 7:
        return f"{when}, {a} appointed {person} as {rng.choice(_ROLES)}, replacing {rng.choice(PEOPLE)}."
    if kind == 8:
        return (
            f"{a} now has more than {rng.randint(2, 900)} million {rng.choice(_METRICS)}, "
            f"up {rng.randint(3, 60)}% from a year earlier."
        )
    if kind == 9:
        return f"{when}, {a} acquired {b} for {_amount(rng)}."
    if kind == 10:
        return (
            f"{a} suspended the {program} in {_MONTHS[month - 1]} after complaints from sellers, "
            f"and relaunched it in {year + 1}."
        )
    return (
        f"Advertising accounts for {rng.randint(40, 85)}% of {a}\u2019s revenue, "
        f"while {b} earns most of its income from commissions."
    )


def generate_article(index: int, seed: int = 0, words: int = 300) -> Article:
    """Article ``index`` of the corpus with this seed, about ``words`` words long."""
    rng = random.Random(f"{seed}:{index}")
    year, month = rng.randint(2019, 2025), rng.randint(1, 12)
    lead, other = _zipf_pick(rng, COMPANIES), _zipf_pick(rng, COMPANIES)
    title = rng.choice(
        (
            f"{lead} opens up to {other}: traffic for revenue?",
            f"Why {lead} is betting on {rng.choice(_TOPICS)}",
            f"{lead} and {other} deepen their cooperation",
            f"What the {rng.choice(PROGRAMS)} means for merchants on {lead}",
        )
    )
    sentences: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.55:
            sentence = _fact_sentence(rng, year, month)
        else:
            sentence = rng.choice(_FILLER).format(topic=rng.choice(_TOPICS))
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    body = "\n\n".join(paragraphs) + "\n"
    markdown = (
        "---\n"
        f'title: "{title}"\n'
        f"published: {year:04d}-{month:02d}\n"
        "language: en\n"
        "source: generated by bench/corpus_gen.py (synthetic, for performance tests)\n"
        "---\n\n" + body
    )
    return Article(name=f"bench-{seed}-{index:06d}.md", markdown=markdown, body=body, words=len(body.split()))


def generate_corpus(directory: str | Path, count: int, seed: int = 0, words: int = 300) -> int:
    """Write ``count`` articles into ``directory`` (created); returns the total word count."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        article = generate_article(i, seed=seed, words=words)
        (directory / article.name).write_text(article.markdown, encoding="utf-8")
        total += article.words
    return total
