"""Find the quoted passages of an article's body and guess who said each.

Pure text logic, so that it is easy to test: `find_quotes(body, people)` takes the body and the
people who may have spoken (anything with `name` and `sort_name`, such as Person) and returns one
`Proposal` per quoted passage, in reading order. Nothing here reads the database.

What counts as a quote:
- Marks: French « … » (with or without spaces inside), English “ … ” and " … ", German „ … “ and
  » … «. Whether a mark opens or closes is read from what stands beside it (a space before and a
  word after opens), not from the mark alone, so that a quote opened with “ and closed with », as
  real articles print them, is still one quote.
- A quote inside a quote (‹ ›, ‘ ’, ' ', or “ ” inside « ») stays part of the outer one.
- A quote left open ends with its paragraph, without a short narrator's aside after its last
  sentence ("… vraiment ? il a insisté."). If the next paragraph opens with a quote mark, the quote
  goes on there: the convention for words that run over paragraphs, proposed as one quote.
- Paragraphs are separated by a blank line (a single line break does not end one).
- Passages of fewer than MINIMUM_WORDS words are titles or scare quotes ("Asteroid City"), left
  out, as are longer titles in title case ("The Grand Budapest Hotel").

Who said it: among `people`, the one named nearest to the quote in the quote's own sentence; when
that sentence names no one (a pronoun, "a-t-elle déclaré", "she said"), the last one named in the
sentence before, then the first one named in the sentence after, across paragraphs too. The
sentence before comes first because a pronoun points back to someone already named. A person is
named by their full name, the last word of their name, or their sort name, accents ignored and
hyphenated names whole ("Caspers-Roemer", never "Roemer" alone). Names inside quotes do not count.
When no one is named that near, the quote is proposed with no speaker rather than a wrong one.
"""

import re
import unicodedata
from dataclasses import dataclass, field

MINIMUM_WORDS = 4

# A narrator's aside left at the end of a quote that was never closed is at most this long.
ASIDE_MAXIMUM_WORDS = 8

DOUBLE_MARKS = '«»“”„"'
SINGLE_MARKS = "‹›‘’‚'"
FAMILY = {
    "«": "guillemets",
    "»": "guillemets",
    "“": "curly",
    "”": "curly",
    "„": "curly",
    '"': "straight",
    "‹": "single guillemets",
    "›": "single guillemets",
    "‘": "single curly",
    "’": "single curly",
    "‚": "single curly",
    "'": "single straight",
}
OPENS, CLOSES = "opens", "closes"

SPACES = " \t\n\r\u00a0\u202f\u2009\u2007"
# What may stand right before an opening mark, and right after a closing one, besides a space.
BEFORE_OPENING = "([{<—–-/:" + DOUBLE_MARKS + SINGLE_MARKS
AFTER_CLOSING = ".,;:!?…)]}>—–-" + DOUBLE_MARKS + SINGLE_MARKS

SENTENCE_END = ".!?…"
# Short words followed by a full stop that do not end a sentence ("M. Clark", "Dr. Weisse").
ABBREVIATIONS = {"m", "mm", "mme", "mlle", "mr", "mrs", "ms", "dr", "prof", "st", "hr", "fr", "vs", "etc"}
WORD = re.compile(r"\w+(?:['’\-‐]\w+)*")
PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t\r\u00a0\u202f]*\n))*")


@dataclass(frozen=True)
class Proposal:
    """A quoted passage: its words without the marks, where it stands in the body (from its first
    mark to its last), the sentence around it, and the guessed speaker (None when no one is named
    near enough)."""

    text: str
    start: int
    end: int
    sentence: str
    speaker: object = None


@dataclass
class _Passage:
    start: int  # the opening mark
    end: int = 0  # after the closing mark, or the end of the words when never closed
    pieces: list = field(default_factory=list)  # (start, end) of the words, one per paragraph


def find_quotes(body, people=()):
    """The quoted passages of `body` worth proposing, each with the person of `people` who most
    likely said it."""
    body = body or ""
    passages = _passages(body)
    sentences = _sentences(body, passages)
    mentions = _mentions(body, people, passages)
    proposals = []
    for passage in passages:
        paragraphs = (body[start:end].strip(SPACES) for start, end in passage.pieces)
        # Without the comma an English quote ends with before "she said".
        text = "\n\n".join(paragraphs).rstrip(",").rstrip(SPACES)
        if word_count(text) < MINIMUM_WORDS or _looks_like_title(text):
            continue
        index = _sentence_index(sentences, passage.start)
        sentence_start, sentence_end = sentences[index]
        proposals.append(
            Proposal(
                text=text,
                start=passage.start,
                end=passage.end,
                sentence=body[sentence_start:sentence_end],
                speaker=_speaker(passage, index, sentences, mentions),
            )
        )
    return proposals


def word_count(text):
    return len(WORD.findall(text))


def _looks_like_title(text):
    """Quoted words that name a work rather than quote someone: "The Grand Budapest Hotel",
    every longer word capitalised and no full stop. French titles are not capitalised so."""
    longer_words = [word for word in WORD.findall(text) if len(word) > 3]
    return (
        bool(longer_words)
        and all(word[0].isupper() for word in longer_words)
        and text[-1] not in SENTENCE_END
    )


def comparable(text):
    """The words of `text` alone, for telling whether two passages are the same: case, accents,
    quote marks, punctuation and spacing ignored."""
    return "".join(char for char in _fold(text).casefold() if char.isalnum())


def is_same_passage(text, other):
    """Whether two quotes hold the same words, or one is a part of the other that is long enough
    to be a quote by itself."""
    mine, theirs = comparable(text), comparable(other)
    if not mine or not theirs:
        return False
    if mine == theirs:
        return True
    shorter, longer = sorted([(mine, text), (theirs, other)], key=lambda pair: len(pair[0]))
    return shorter[0] in longer[0] and word_count(shorter[1]) >= MINIMUM_WORDS


# Quote marks


def _passages(body):
    passages = []
    open_passage = None
    for paragraph in PARAGRAPH.finditer(body):
        start, end = paragraph.start(), paragraph.end()
        stack = []
        if open_passage is not None:
            if body[start] in DOUBLE_MARKS:
                stack = [body[start]]
                open_passage.pieces.append((start + 1, None))
                start += 1
            else:
                _end_unclosed(body, open_passage)
                passages.append(open_passage)
                open_passage = None
        for position in range(start, end):
            mark = body[position]
            if mark not in FAMILY:
                continue
            roles = _roles(body, position)
            if not stack:
                if OPENS in roles and mark in DOUBLE_MARKS:
                    stack = [mark]
                    open_passage = _Passage(start=position, pieces=[(position + 1, None)])
                continue
            closes_at = _closes(stack, mark) if CLOSES in roles else None
            if closes_at is not None:
                del stack[closes_at:]
                if not stack:
                    piece_start, _ = open_passage.pieces[-1]
                    open_passage.pieces[-1] = (piece_start, position)
                    open_passage.end = position + 1
                    passages.append(open_passage)
                    open_passage = None
            elif OPENS in roles:
                stack.append(mark)
        if open_passage is not None:
            piece_start, _ = open_passage.pieces[-1]
            open_passage.pieces[-1] = (piece_start, end)
    if open_passage is not None:
        _end_unclosed(body, open_passage)
        passages.append(open_passage)
    return passages


def _roles(body, position):
    """Whether the mark at `position` may open a quote, close one, or both, from its neighbours."""
    mark = body[position]
    before = body[position - 1] if position else "\n"
    after = body[position + 1] if position + 1 < len(body) else "\n"
    space_before = before in SPACES or before in BEFORE_OPENING
    word_after = after not in SPACES and after not in AFTER_CLOSING
    word_before = before not in SPACES and before not in BEFORE_OPENING
    end_after = after in SPACES or after in AFTER_CLOSING
    if mark in "„‚":
        return {OPENS}
    if mark in "«‹“‘":
        # Opens in French and English; closes in German („…“, »…«), right after a word.
        return {CLOSES} if word_before and end_after else {OPENS}
    if mark in "»›”":
        # Closes in French and English; opens in German and Swedish, right before a word.
        return {OPENS} if space_before and word_after else {CLOSES}
    # Straight marks, and the apostrophe that ’ and ' also are between two letters.
    roles = set()
    if space_before and word_after:
        roles.add(OPENS)
    if word_before and end_after:
        roles.add(CLOSES)
    return roles


def _closes(stack, mark):
    """Which open mark of `stack` the closing `mark` closes (with those inside it), or None.
    A mark of the same kind closes first; otherwise the innermost mark of the same level, so that a
    quote opened with “ and closed with » still ends."""
    single = mark in SINGLE_MARKS
    same_level = [index for index, opened in enumerate(stack) if (opened in SINGLE_MARKS) == single]
    same_family = [index for index in same_level if FAMILY[stack[index]] == FAMILY[mark]]
    if same_family:
        return same_family[-1]
    if single or not same_level:
        # A lone ’ or ' is an apostrophe ("the actors' union"), not the end of anything.
        return None
    return same_level[-1]


def _end_unclosed(body, passage):
    """End a quote never closed at its paragraph's end, leaving out a narrator's short aside after
    its last sentence: "… signifie vraiment ? il a insisté."."""
    start, end = passage.pieces[-1]
    words = body[start:end].rstrip(SPACES)
    aside = re.search(rf"[{SENTENCE_END}][{SPACES}]+(?=[^{SENTENCE_END}]*[{SENTENCE_END}]?$)", words)
    if aside:
        tail = words[aside.end() :]
        if tail[:1].islower() and word_count(tail) <= ASIDE_MAXIMUM_WORDS:
            end = start + aside.start() + 1
    passage.pieces[-1] = (start, end)
    passage.end = end


# Sentences


def _sentences(body, passages):
    """(start, end) of each sentence of the body. A quote is part of the sentence it stands in:
    the sentences inside it, and the paragraphs it runs over, do not split that sentence."""
    inside = [(passage.start, passage.end) for passage in passages]
    quote_ends = {passage.end for passage in passages}
    boundaries = [0]
    for space in re.finditer(rf"[{SPACES}]+", body):
        start, end = space.start(), space.end()
        if end >= len(body) or any(first < start < last for first, last in inside):
            continue
        paragraph_break = re.search(r"\n[ \t\r\u00a0\u202f]*\n", space.group())
        if paragraph_break or (_ends_sentence(body, start, quote_ends) and _starts_sentence(body[end])):
            boundaries.append(end)
    boundaries.append(len(body))
    return list(zip(boundaries, boundaries[1:], strict=False)) or [(0, 0)]


def _ends_sentence(body, position, quote_ends):
    window = body[max(position - 40, 0) : position]
    before = window.rstrip(")]}”»\"’'›“«")
    if not before or before[-1] not in SENTENCE_END:
        return False
    # “Are we done?” she asked / “Are we done?” Clark asked: a quote's question mark ends the
    # sentence only if a new sentence follows, which a capital cannot tell; keep them together.
    if before[-1] in "?!" and position in quote_ends:
        return False
    last_word = re.search(r"(\w+)\.$", before)
    return not (last_word and (len(last_word.group(1)) == 1 or last_word.group(1).lower() in ABBREVIATIONS))


def _starts_sentence(char):
    return char.isupper() or char.isdigit() or char in DOUBLE_MARKS or char in "(—–-"


def _sentence_index(sentences, position):
    for index, (start, end) in enumerate(sentences):
        if start <= position < end:
            return index
    return len(sentences) - 1


# Names


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    person: object


def _fold(text):
    """`text` with accents taken off and ’ as ', one character for one so that positions hold."""
    folded = []
    for char in text:
        bare = "".join(
            part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
        )
        folded.append(bare if len(bare) == 1 else char)
    return "".join(folded).replace("’", "'")


def _name_forms(person):
    """The ways an article names someone: in full, by the last word of the name, by sort name."""
    name = " ".join(person.name.split())
    forms = {name, (getattr(person, "sort_name", "") or "").strip()}
    if name.split():
        forms.add(name.split()[-1])
    return {form for form in forms if len(form) > 1}


def _name_pattern(form):
    parts = [re.escape(part) for part in re.split(r"[\s\-‐‑]+", _fold(form)) if part]
    if not parts:
        return None
    # "del Toro" is "Del Toro" at the start of a sentence.
    first = parts[0]
    parts[0] = f"[{first[0].upper()}{first[0].lower()}]{first[1:]}" if first[0].isalpha() else first
    return re.compile(r"(?<![\w\-‐‑])" + r"[\s\-‐‑]+".join(parts) + r"(?![\w‐‑]|-\w)")


def _mentions(body, people, passages):
    """Where each person is named outside the quotes, in reading order. A surname two people share
    goes to the one last named in full before it, and to no one if neither was."""
    folded = _fold(body)
    inside = [(passage.start, passage.end) for passage in passages]
    found = {}  # (start, end) -> {person: named in full}
    for person in people:
        full_name = " ".join(person.name.split())
        for form in _name_forms(person):
            pattern = _name_pattern(form)
            if pattern is None:
                continue
            for match in pattern.finditer(folded):
                if any(first <= match.start() < last for first, last in inside):
                    continue
                found.setdefault((match.start(), match.end()), {})[person] = form == full_name
    # A full name also matches as its surname: keep the longest match at each place.
    spans = sorted(found, key=lambda span: (span[0], -span[1]))
    mentions, last_named_in_full = [], {}
    covered_until = -1
    for span in spans:
        if span[1] <= covered_until:
            continue
        covered_until = span[1]
        named = found[span]
        if len(named) == 1:
            person = next(iter(named))
        else:
            earlier = [(last_named_in_full[p], p) for p in named if p in last_named_in_full]
            if not earlier:
                continue
            person = max(earlier, key=lambda pair: pair[0])[1]
        if named.get(person):
            last_named_in_full[person] = span[0]
        mentions.append(_Mention(span[0], span[1], person))
    return mentions


def _speaker(passage, index, sentences, mentions):
    def named_in(sentence_index):
        if not 0 <= sentence_index < len(sentences):
            return []
        start, end = sentences[sentence_index]
        return [mention for mention in mentions if start <= mention.start < end]

    in_sentence = named_in(index)
    if in_sentence:
        nearest = min(in_sentence, key=lambda mention: _distance(mention, passage))
        return nearest.person
    before = named_in(index - 1)
    if before:
        return before[-1].person
    after = named_in(index + 1)
    if after:
        return after[0].person
    return None


def _distance(mention, passage):
    if mention.end <= passage.start:
        return passage.start - mention.end
    return max(mention.start - passage.end, 0)
