"""Names the text itself introduces as a firm, outlet, club or work: never people.

News puts a common noun before such a name far more often than before a person's: ``the daily
Le Figaro``, ``Canadian firm Aaxis Limited``, ``Swiss club Sion``, ``retail chain Dunnes Stores``,
``the film Cruel Intentions``, ``his album Blue Monday``; a product leads with its maker
(``Toyota Celica``). A person's title stands in the same place
(``club president Ana Ruiz``), but it is the title, not the noun for the thing, that the name
follows then. A title of a work also comes between quotation marks: ``“Breaking Bad”``,
``''Cruel Intentions''``. A name introduced so anywhere in the text is a thing everywhere in it.
"""

from __future__ import annotations

import re

from annotator.core.extraction.names import NORMAL, Chain, Token, name_words, words_before
from annotator.core.extraction.roles import is_title, split_chain
from annotator.core.extraction.units import Unit
from annotator.core.extraction.wordlists import Lexicon

_THING_NOUNS = (
    # firms and markets
    "firm", "company", "companies", "maker", "makers", "carmaker", "automaker", "manufacturer", "producer",
    "distributor", "retailer", "chain", "concern", "conglomerate", "insurer", "lender", "bank", "brokerage",
    "broker", "brokers", "bankers", "banks", "underwriter", "underwriters", "arranger", "exchange", "carrier", "airline", "operator", "supplier", "subsidiary", "unit", "startup",
    "start-up", "brand", "label", "outfit", "consultancy", "analysts",
    # outlets
    "daily", "weekly", "newspaper", "paper", "tabloid", "magazine", "broadsheet", "newsletter", "network",
    "channel", "broadcaster", "website", "outlet", "agency",
    # clubs, teams and parties
    "club", "clubs", "side", "outfit", "franchise", "party", "group",
    # works
    "film", "films", "movie", "movies", "documentary", "album", "albums", "single", "song", "songs", "track",
    "novel", "memoir", "book", "books", "play", "musical", "opera", "sitcom", "series", "show", "programme",
    "podcast", "painting", "poem", "videogame", "game", "hit", "blockbuster",
)  # fmt: skip
_THING_NOUN_SET = frozenset(_THING_NOUNS)
# ``Blackburn, the club he led``, ``Taibe, an Arab town of 28,000``: a thing in apposition.
_THING_AFTER_RE = re.compile(
    r",[ \t]+(?:the|a|an)[ \t]+(?:[\w’'\-]+[ \t]+){0,2}?(?:"
    + "|".join(sorted(_THING_NOUN_SET | {"town", "city", "village", "country", "region", "team", "party", "group"},
                      key=len, reverse=True))
    + r")(?=[ \t]*[,.;:]|[ \t]+(?:that|which|who|he|she|they|whose|where|founded|based|owned|run|known)\b)"
)
#: Officers written in capitals between a firm's name and their own (``Goldman Sachs CEO David Solomon``).
_EXECUTIVE_TITLES = frozenset(("ceo", "cfo", "coo", "cto"))
_LIST_JOINS = frozenset((" and ", ", and ", " or ", " & "))  # not a bare comma: ``the daily X, Ana Ruiz said``
_NAMING_WORDS = frozenset(("called", "named", "titled", "entitled"))
# Words that make the noun a verb or part of a phrase about people (``polls show Ana Ruiz``).
_VERB_BEFORE_RE = re.compile(r"(?:\b(?:to|will|would|can|could|may|might|must|should|did|does|do|polls?|they|we|you|i)[ \t]+\S+[ \t]+\Z)", re.IGNORECASE)
# Makers whose name leads a product's (``Toyota Celica``, ``Subaru Impreza``, ``Boeing 747``).
_MAKERS = frozenset(
    """toyota ford subaru mitsubishi nissan honda mazda suzuki volkswagen vw audi bmw mercedes porsche ferrari
    fiat renault peugeot citroen volvo saab opel vauxhall hyundai kia chevrolet chevy dodge jeep tesla lexus
    jaguar lamborghini maserati skoda seat lada boeing airbus embraer bombardier apple samsung nokia sony""".split()
)
_OPEN_QUOTES = "“\"‘'«„"
_CLOSE_QUOTES = "”\"’'»“"


def names_used_as_things(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> set[tuple[str, ...]]:
    """Names the text introduces as a firm, outlet, club or work somewhere (module docstring)."""
    found: set[tuple[str, ...]] = set()
    listed_after = -1  # end of a thing just found: a name joined to it by ``and`` is one more (``banks A and B``)
    for _, mode, chains in unit_chains:
        for chain in chains:
            role_tokens, name_tokens = chain.split or split_chain(chain, lexicon)  # kept on the chain once split
            if len(role_tokens) >= 2 and name_tokens and role_tokens[-1].key in _EXECUTIVE_TITLES:
                firm = role_tokens[:-1]  # ``Goldman Sachs CEO David Solomon``: the firm the executive runs
                if not any(is_title(t.key, lexicon) or t.key in lexicon.places for t in firm):
                    found.add(tuple(name_words(text, firm)))
            if (
                name_tokens
                and (len(name_tokens) >= 2 or chain.possessive or text.startswith(_WORDS_AFTER_A_THING, chain.end))
                and _is_thing_by_its_form(text, mode, chain, role_tokens, name_tokens, lexicon)
            ):  # one look at the next characters spares most one-word chains the call
                found.add(tuple(name_words(text, name_tokens)))
                continue
            if not name_tokens or role_tokens:
                continue  # a title before the name (``club president Ana Ruiz``) makes it a person's
            start = chain.start
            if listed_after >= 0 and text[listed_after:start] in _LIST_JOINS:
                found.add(tuple(name_words(text, name_tokens)))
                listed_after = chain.end
                continue
            listed_after = -1
            # ``insurer Thierry Dehaan``, ``the film Jennifer Lawrence made``: a given name first
            # is a person described by the noun, or the subject of a clause after it.
            given_first = lexicon.is_given_name(name_tokens[0].text)
            noun_start = None if given_first else _thing_noun_before(text, start)
            if noun_start is not None and not _VERB_BEFORE_RE.search(text, max(0, noun_start - 30), start):
                found.add(tuple(name_words(text, name_tokens)))
                listed_after = chain.end
            elif not given_first and text.startswith(",", chain.end) and _THING_AFTER_RE.match(text, chain.end):
                found.add(tuple(name_words(text, name_tokens)))
            elif _has_business_word_near(text, chain) and _is_firm_by_its_business(
                text, chain, given_first, lexicon.census_surnames
            ):
                found.add(tuple(name_words(text, name_tokens)))
            elif len(name_tokens) >= 2 and (_is_counted_like_a_shop(text, start) or _moves_like_a_stock(text, chain)):
                found.add(tuple(name_words(text, name_tokens)))
            elif len(name_tokens) >= 2 and (
                name_tokens[0].key in _MAKERS
                or (_is_quoted(text, chain) and name_tokens[0].key not in lexicon.census_given_names)
            ):  # a quoted ``“Bill Maher”`` (a guilty pleasure, a write-in vote) is still a person
                found.add(tuple(name_words(text, name_tokens)))
    return found


# ``analysts at Merrill Lynch``, ``shares in Mentmore Abbey``: a firm, whatever its name looks like
# (not ``strategist for``: a campaign's strategist works for a candidate).
_BUSINESS_BEFORE = {
    "at": frozenset("analyst analysts economist economists dealer dealers strategist strategists trader traders".split()),
    "with": frozenset("analyst analysts economist economists dealer dealers strategist strategists trader traders".split()),
    "in": frozenset(("shares", "stake", "stakes")),
    "of": frozenset(("shares", "stake", "stakes")),
}
# After the name: ``X shares fell``, ``Wells Fargo CEO``, ``Goldman Sachs employees``, ``Tim Hortons
# stores``, ``a Jean Coutu pharmacy``... (a firm: its shops and franchisees, where a person has none);
# ``the Ihlas news agency``, ``El Nuevo Diario reported`` (an outlet). A person is told things
# and reports too, so the outlet cues hold only for a name that does not start with a given name.
_BUSINESS_AFTER_RE = re.compile(
    r"[ \t]+(?:"
    r"(?P<business>(?:shares|stock)[ \t]+(?:rose|fell|gained|lost|jumped|dropped|slipped|climbed|edged|eased|ended|"
    r"closed|were|was|traded|opened|surged|plunged|tumbled)\b"
    r"|(?:CEO|chief[ \t]+executive|chief[ \t]+financial[ \t]+officer|board[ \t]+members?|shareholders|"
    r"stockholders|customers|employees|executives|subsidiary|headquarters)\b"
    r"|(?:stores?|franchisees?|franchises|restaurants|outlets|shops|locations|dealerships?|pharmac(?:y|ies))\b)"
    r"|(?P<outlet>(?:news[ \t]+agency|newspaper|daily|weekly|magazine|television|radio)\b)"
    r"|(?P<reported>(?:also[ \t]+)?reported\b))"
)


_BUSINESS_CUE_WORDS = frozenset(("told", *_BUSINESS_BEFORE))
_WORDS_AFTER_A_BUSINESS = (
    "shares", "stock", "CEO", "chief", "board", "shareholders", "stockholders", "customers", "employees",
    "executives", "subsidiary", "headquarters", "news", "newspaper", "daily", "weekly", "magazine", "television",
    "radio", "also", "reported", "store", "franchise", "restaurants", "outlets", "shops", "locations",
    "dealership", "pharmac",
)  # fmt: skip


def _has_business_word_near(text: str, chain: Chain) -> bool:
    """A cheap look for :func:`_is_firm_by_its_business`: one of its cue words just before or after."""
    words = (chain.before or words_before(text, chain))[1]
    if words and words[-1] in _BUSINESS_CUE_WORDS:
        return True
    end = chain.tokens[-1].end
    return text.startswith(" ", end) and text.startswith(_WORDS_AFTER_A_BUSINESS, end + 1)


def _is_firm_by_its_business(text: str, chain: Chain, given_first: bool, census_surnames: frozenset[str]) -> bool:
    """A firm shown by its business (shares, analysts) or an outlet by its reporting (see above)."""
    start, end = chain.start, chain.end
    before, words = chain.before or words_before(text, chain)
    if before[-1:] in (" ", "\t"):
        if len(words) >= 2:
            nouns = _BUSINESS_BEFORE.get(words[-1])
            if nouns is not None and words[-2].lower() in nouns:
                return True
        if not given_first and words and words[-1] == "told":
            return _ends_clause(text, end)
    after = _BUSINESS_AFTER_RE.match(text, end)  # one pattern for every cue after the name
    if after is None:
        return False
    kind = after.lastgroup
    if kind == "business":
        return True
    if given_first:
        return False
    # ``El Nuevo Diario reported``; ``as Hedrick Smith reported`` ends in a family name
    return kind == "outlet" or text[start:end].split()[-1].lower() not in census_surnames


# ``at every Tim Hortons``, ``each Jean Coutu``: a shop counted, which a person's name never is.
_COUNTING_WORDS = ("every ", "each ")  # not ``another Ronald Reagan``: a person like him
_MARKET_VERB_RE = re.compile(
    r"[ \t]+(?:also[ \t]+)?(?:rose|fell|gained|lost|slipped|dropped|climbed|jumped|tumbled|surged|plunged|edged)"
    r"(?=[ \t]*[.,;]|[ \t]+(?:[\d$]|sharply|slightly|steeply|modestly|higher|lower))"
)
_SENTENCE_END_RE = re.compile(r"[.!?\n][\"”’']?[ \t\n]")


def _is_counted_like_a_shop(text: str, start: int) -> bool:
    at = text.rfind(" ", 0, start - 1) + 1
    return text.startswith(_COUNTING_WORDS, at) and text[at : start].count(" ") == 1


def _moves_like_a_stock(text: str, chain: Chain) -> bool:
    """``Shares of Johnson & Johnson gained, while Lockheed Martin fell``: a market verb after the
    name, in a sentence about shares or stocks."""
    if _MARKET_VERB_RE.match(text, chain.end) is None:
        return False
    floor = max(0, chain.start - 160)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, floor, chain.start)]
    sentence = text[ends[-1] if ends else floor : chain.start].lower()
    return "shares" in sentence or "stock" in sentence


def _ends_clause(text: str, end: int) -> bool:
    """``told Reuters.``, ``told La Jornada on Sunday``: the sentence ends after the name (``told
    Tenzin Norbu, chairman of …`` and ``told Smith that`` go on about a person)."""
    rest = text[end : end + 12]
    return not rest or rest[0] in ".\n" or rest.startswith((" on ", " in ", " by "))


def _word_before(text: str, end: int) -> tuple[int, str]:
    """The word ending just before ``end`` (spaces and an opening quotation mark skipped)."""
    i = end
    floor = max(0, end - 40)
    while i > floor and text[i - 1] in " \t“\"‘'":
        i -= 1
    j = i
    while j > floor and (text[j - 1].isalpha() or text[j - 1] == "-"):
        j -= 1
    return j, text[j:i].lower()


def _thing_noun_before(text: str, start: int) -> int | None:
    """Where the noun for a thing right before a name starts (``the daily ▸Le Monde``), if any;
    a word such as ``called`` may come between (``a film called …``). Walking back a few
    characters costs less than a regex search over a window, for each of a text's names."""
    at, word = _word_before(text, start)
    if word in _NAMING_WORDS:
        at, word = _word_before(text, at)
    if word in _THING_NOUN_SET and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'")):
        return at
    return None


def _is_quoted(text: str, chain: Chain) -> bool:
    """``“Breaking Bad”``, ``''Cruel Intentions,''``: the whole chain between quotation marks."""
    start, end = chain.start, chain.end
    if start == 0 or text[start - 1] not in _OPEN_QUOTES:
        return False
    if start >= 2 and text[start - 1] == "'" and text[start - 2].isalnum():
        return False  # an apostrophe, not a quotation mark
    i = end
    while i < len(text) and text[i] in ",.!?":
        i += 1
    return i < len(text) and text[i] in _CLOSE_QUOTES and (i + 1 >= len(text) or not text[i + 1].isalnum())



def _is_thing_by_its_form(
    text: str, mode: str, chain: Chain, role_tokens: list[Token], name_tokens: list[Token], lexicon: Lexicon
) -> bool:
    """A building, a work or a band shown by the words right around the name (the notes below).
    Asked of every chain of a text, so the cheap look at the next characters comes first."""
    end = chain.end
    if chain.possessive:
        return _is_possessive_institution(text, end + 2)  # the chain ends before its ``’s``
    if text.startswith(_WORDS_AFTER_A_THING, end) and (
        _is_building_noun_after(text, end) or _leads_a_cast_or_band(text, end)
    ):
        return True
    if len(name_tokens) >= 3 and name_tokens[-1].key in _NAMED_AFTER_HEADS:
        # ``Roy Thomson Hall``; ``Mary Ann Hall`` (a given name before Hall) stays a person
        return name_tokens[-1].key == "arena" or not lexicon.is_given_name(name_tokens[-2].text)
    return (
        mode == NORMAL
        and len(name_tokens) >= 2
        and _follows_a_title_word_or_the(text, chain, name_tokens, lexicon)
        and not lexicon.is_given_name(name_tokens[0].text)
        and not any(is_title(t.key, lexicon) for t in role_tokens)
    )


def _follows_a_title_word_or_the(text: str, chain: Chain, name_tokens: list[Token], lexicon: Lexicon) -> bool:
    """A title's small word before the name (above), or ``the``: ``the Tragically Hip``, ``the
    Humboldt Broncos`` are two capitalised words after an article that do not start with a given
    name (``the Doug Ford government`` does; the caller asks). A name with an organisation's word
    (``the Clinton White House``) is left to the organisation rules, which keep the person it holds."""
    start = chain.start
    if start < 4 or text[start - 1] != " ":
        return False
    if text[start - 4 : start] in ("the ", "The ") and (start == 4 or not text[start - 5].isalnum()):
        return name_tokens[-1].key not in lexicon.org_words
    return _follows_a_title_word(text, chain)


# Buildings and bodies named after a person or a founder, which news names the way it names people:
# ``Roy Thomson Hall`` and ``Maurice Richard Arena`` (hall, arena and law end family names too, so a full
# name must come before them: ``Lyn Hall`` stays a person), ``B.C. Women’s Hospital`` and ``St.
# Michael’s College`` (a possessive before the institution's noun), ``Shaar Hashomayim cemetery``
# (its noun after it in lower case, as Canadian Press style writes it).
_NAMED_AFTER_HEADS = frozenset(("hall", "arena", "law"))  # and ``the Sergei Magnitsky Law`` (``Jude Law`` stays)
_INSTITUTION_HEADS = (
    "Hospital", "College", "University", "School", "Academy", "Church", "Cathedral", "Chapel", "Basilica",
    "Clinic", "Hall", "Arena", "Centre", "Center", "Gardens", "Foundation", "Institute", "Restaurant",
    "Pub", "Tavern", "Inn",
)  # fmt: skip
_BUILDING_NOUNS_AFTER = (
    "cemetery", "arena", "rink", "hospital", "church", "cathedral", "chapel", "synagogue", "mosque", "temple",
    "school", "campus", "library", "mall", "theatre", "theater", "auditorium", "building", "reserve",
)  # fmt: skip
_INSTITUTION_HEAD_SET = frozenset(_INSTITUTION_HEADS)
_BUILDING_NOUN_SET = frozenset(_BUILDING_NOUNS_AFTER)
_NEXT_WORD_RE = re.compile(r"[ \t]([^\W\d_]+)")


def _is_possessive_institution(text: str, at: int) -> bool:
    """``B.C. Women’s ▸Hospital``: the institution's noun after the possessive."""
    if not text.startswith(_INSTITUTION_HEADS, at + 1):
        return False
    following = _NEXT_WORD_RE.match(text, at)
    return following is not None and following.group(1) in _INSTITUTION_HEAD_SET


def _is_building_noun_after(text: str, end: int) -> bool:
    """``Shaar Hashomayim ▸cemetery``: the building's noun after the name, in lower case."""
    following = _NEXT_WORD_RE.match(text, end)
    return following is not None and following.group(1) in _BUILDING_NOUN_SET


# A work's title keeps its small words capitalised: ``The Blind Assassin``, ``Let Us Compare
# Mythologies``, ``You Want It Darker``. Prose writes them in lower case, so one of them capitalised
# in the middle of a sentence, right before a name, says that the name is part of such a title
# (``the Rev.`` and ``The Honourable`` stand before people, but as titles, which are split off first).
# A host's name ends a show's (``The Late Show With Stephen Colbert``), and a name that starts with a
# given name, or a lone word (``The Obama "hug"``), is more often a person's than a title's.
_TITLE_SMALL_WORDS = frozenset(
    "The A An Of Us It You Me My Your Our We To For In On From At By Is Be And Or Let".split()
)


def _follows_a_title_word(text: str, chain: Chain) -> bool:
    """``for The ▸Blind Assassin``: a capitalised small word, not at a sentence's start, before the name."""
    start = chain.start
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return False
    before, words = chain.before or words_before(text, chain)
    if not words or before[-1:] != " " or words[-1] not in _TITLE_SMALL_WORDS:
        return False
    i = chain.start - 1 - len(words[-1])  # where the small word starts; then back over spaces and quotes
    while i > 0 and text[i - 1] in " \t\"“”‘’'(\u00a0":
        i -= 1
    return i > 0 and text[i - 1] not in ".!?:;–—-\n"


# ``Captain Marvel star Brie Larson``, ``Tragically Hip frontman Gord Downie``: a name before the
# noun for a work's star or a band's singer, and a name after it, is the work or the band.
_CAST_NOUNS_AFTER = (" star ", " stars ", " co-star ", " creator ", " showrunner ", " frontman ", " frontwoman ")


def _leads_a_cast_or_band(text: str, end: int) -> bool:
    """``Captain Marvel ▸star Brie Larson``: the noun for a star or a singer, then a capitalised name."""
    if not text.startswith(_CAST_NOUNS_AFTER, end):
        return False
    after = text.find(" ", end + 2) + 1
    return after > 0 and text[after : after + 1].isupper()


#: The first letters of every word that :func:`_is_thing_by_its_form` looks for after a name.
_WORDS_AFTER_A_THING = tuple({" " + w[:4] for w in _BUILDING_NOUNS_AFTER} | {w[:5] for w in _CAST_NOUNS_AFTER})


# ``the Terry Fox Foundation``, ``Terry Fox Secondary School``, ``the John A. Macdonald Library``: a
# body named in someone's honour. The words before its noun name a firm when a firm's word ends them
# (``Harlow Brandt Corp``), but before these nouns they are still the person's name, whom the text
# may also name alone (``Terry Fox's Marathon of Hope``).
_NAMESAKE_HEADS = frozenset(
    "foundation fund library school run institute memorial scholarship hospital centre center collegiate".split()
)


def names_of_namesakes(
    text: str, unit_chains: list[tuple[Unit, str, list[Chain]]], lexicon: Lexicon
) -> set[tuple[str, ...]]:
    """Full names (a given name first) that a foundation, school or run is named after (see above)."""
    found: set[tuple[str, ...]] = set()
    for _, _, chains in unit_chains:
        for chain in chains:
            tokens = chain.tokens
            if len(tokens) < 3 or tokens[-1].key not in _NAMESAKE_HEADS or not lexicon.is_given_name(tokens[0].text):
                continue
            end = 2
            while end < len(tokens) - 1 and (tokens[end - 1].initial or lexicon.is_given_name(tokens[end - 1].text)):
                end += 1  # ``John A. Macdonald``, ``Mary Ann Smith``
            found.add(tuple(name_words(text, tokens[:end])))
    return found


#: Last words that make a name a shop or a chain of them (``Canadian Tire``, ``Shoppers Drug Mart``,
#: ``Home Depot``), beyond the organisation words of the lexicon.
_FIRM_TAILS = frozenset("mart tire depot drugs pharmacy foods stores supermarkets brands airways".split())
#: Between the names of one list: commas, and a conjunction before the last (``A, B and C``).
_LIST_GAPS = frozenset((", ", " and ", ", and ", " or ", ", or ", " & "))
_LIST_ENDS = frozenset((" and ", ", and ", " or ", ", or ", " & "))


def names_listed_with_firms(
    text: str,
    unit_chains: list[tuple[Unit, str, list[Chain]]],
    lexicon: Lexicon,
    firms: set[tuple[str, ...]],
    is_person_at,
) -> set[tuple[str, ...]]:
    """``Tim Hortons, Canadian Tire and Shoppers Drug Mart all reported lower sales``: a name in one
    list with names that are mostly firms (by an organisation word, or shown as things elsewhere in
    ``firms``) is a firm too, unless the text gives it a person's cue somewhere (a title before it,
    or ``is_person_at(start, end)``: a speech verb, ``, who``, ``Ms.``). A list of people ends in a
    party with ``the`` before it (``Trudeau, Scheer and the NDP``), which breaks the list here."""
    found: set[tuple[str, ...]] = set()
    candidates: set[tuple[str, ...]] = set()
    for _, mode, chains in unit_chains:
        if mode != NORMAL or len(chains) < 2:
            continue
        members: list[Chain] = [chains[0]]
        closed = False
        for k in range(1, len(chains) + 1):
            chain = chains[k] if k < len(chains) else None
            if chain is not None and not closed and not members[-1].possessive:
                gap = text[members[-1].end : chain.start]
                if gap in _LIST_GAPS:
                    members.append(chain)
                    closed = gap in _LIST_ENDS
                    continue
            if closed:
                _firms_of_a_list(text, members, lexicon, firms, found, candidates)
            members = [chain] if chain is not None else []
            closed = False
    if candidates:
        found |= candidates - _named_with_a_person_cue(text, candidates, unit_chains, lexicon, is_person_at)
    return found


def _firms_of_a_list(text, members, lexicon, firms, found, candidates) -> None:
    """Adds a list's firms to ``found`` and the other names to ``candidates``, when most are firms."""
    after = _NEXT_WORD_RE.match(text, members[-1].end)
    if after is not None and is_title(after.group(1).lower(), lexicon):
        return  # ``Joseph Kuhn, Advanced Medical and IMED president,``: the firms an officer heads
    named: list[tuple[tuple[str, ...], bool, bool]] = []  # (words, a firm, a title before it)
    for chain in members:
        role_tokens, name_tokens = chain.split or split_chain(chain, lexicon)
        if not name_tokens:
            return
        words = tuple(name_words(text, name_tokens))
        last = name_tokens[-1].key
        firm = words in firms or last in lexicon.org_words or last in _FIRM_TAILS
        named.append((words, firm, any(is_title(t.key, lexicon) for t in role_tokens)))
    if sum(firm for _, firm, _ in named) * 2 <= len(named):
        return  # most of the list are people: ``Bill Gates, Warren Buffett and Acme Inc.``
    for words, firm, titled in named:
        if firm:
            found.add(words)  # ``Greystone Mart`` too: a shop word the organisation words do not hold
        elif not titled:
            candidates.add(words)


def _named_with_a_person_cue(text, candidates, unit_chains, lexicon, is_person_at) -> set[tuple[str, ...]]:
    """The candidates the text names, anywhere, after a title or where only a person stands (one
    pass over the chains, whatever the number of candidates)."""
    last_words = {words[-1] for words in candidates}
    cued: set[tuple[str, ...]] = set()
    for _, _, chains in unit_chains:
        for chain in chains:
            if chain.tokens[-1].text not in last_words:
                continue
            role_tokens, name_tokens = chain.split or split_chain(chain, lexicon)
            words = tuple(name_words(text, name_tokens)) if name_tokens else ()
            if words in candidates and (
                any(is_title(t.key, lexicon) for t in role_tokens) or is_person_at(chain.start, chain.end)
            ):
                cued.add(words)
    return cued
