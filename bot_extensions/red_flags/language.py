"""Text normalisation and the cue words that decide a mention's status.

The cue lists are language, not medicine: which words deny, ask about, or put a symptom in the
past. The symptoms themselves live in data/knowledge/red_flags.yml.
"""

from __future__ import annotations

import functools
import re

_CONTRACTIONS = [
    # a loss, not a denial: "he can no longer feel his legs" (the "no" would deny the sign)
    (r"\b(can|could|is|was|am|are|were) no longer able to\b", "cant"),
    (r"\b(can|could) no longer\b", "cant"),
    # now, not in a story told in the past: "since 2 days I am not able to pass urine" (not "I
    # wasn't able to sleep")
    (
        r"\b((am|is|are|im|i'm) not|isn'?t|aren'?t|(?<!was )(?<!were )(?<!been )not) able to\b",
        "cant",
    ),
    (r"\b(can ?not|could ?not|couldn'?t|unable to|can'?t)\b", "cant"),
    (r"\b(do not|don'?t)\b", "dont"),
    (r"\b(does not|doesn'?t)\b", "doesnt"),
    (r"\b(did not|didn'?t)\b", "didnt"),
    (r"\b(have not|haven'?t)\b", "havent"),
    (r"\b(has not|hasn'?t)\b", "hasnt"),
    (r"\b(is not|isn'?t)\b", "isnt"),
    (r"\b(was not|wasn'?t)\b", "wasnt"),
    (r"\b(will not|won'?t)\b", "wont"),
    (r"\bi'?m\b", "im"),
    (r"\bi'?ve\b", "ive"),
    # Scots: "a cannae feel the paper", "it disnae go away"
    (r"\b(cannae|canna|couldnae|couldna)\b", "cant"),
    (r"\b(dinnae|dinna|divnae)\b", "dont"),
    (r"\b(doesnae|disnae)\b", "doesnt"),
    (r"\b(didnae|didna)\b", "didnt"),
    (r"\b(isnae|isna)\b", "isnt"),
    (r"\b(wasnae|wasna)\b", "wasnt"),
    (r"\b(willnae|wullnae|winnae)\b", "wont"),
]


# Chat spellings read as the words they stand for: "u", "ur", "wks", "yrs", dropped g's
# ("goin", "nothin"), and "me" or "ma" for "my" before a part of the body ("me legs", "ma back").
_CHAT_WORDS = [
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\bwks?\b", "weeks"),
    (r"\byrs?\b", "years"),
    (r"\bmths?\b", "months"),
    (r"\bhrs?\b", "hours"),
    # "pp" after a time since the birth: "4 months pp", "6 wks pp after a c section"
    (r"\b(days?|weeks?|months?) (pp|pn|post-partum|post partum)\b", r"\1 postpartum"),
    (r"\bnite\b", "night"),
    # a time with a plus is that time or more: "stiff every morning for like an hour+"
    (r"\b(hours?|days?|weeks?|months?|years?|minutes?|mins?)\+", r"\1 or more"),
    # "dont wanna be here anymore" is "want to"
    (r"\bwanna\b", "want to"),
    # a phone's quick spellings: "cnt feel nethin wen i wipe", "cnt pee proper, takes 4ever to
    # start n i dnt feel full", "if i DID get numb down there wud i go"
    (r"\bcnt\b", "cant"),
    (r"\bdnt\b", "dont"),
    (r"\b(nethin|nuthin|nuffin|nufin|nothn|nthn|nuttin)\b", "nothing"),
    (r"\b(wen|wn)\b", "when"),
    (r"\b(wud|wld)\b", "would"),
    (r"\b(shud|shld)\b", "should"),
    (r"\b(cud|cld)\b", "could"),
    (r"\b4ever\b", "forever"),
    (r"\b2nite\b", "tonight"),
    (r"\b2day\b", "today"),
    (r"\b(tmrw|tmw|tmoz|2moro|2morrow)\b", "tomorrow"),
    (r"\b(yday|ystday|yest)\b", "yesterday"),
    (r"\brn\b", "right now"),
    (r"\bbk\b", "back"),
    (r"\blwr\b", "lower"),
    (r"\bw/o\b", "without"),
    (r"\bn\b", "and"),
    # "kms" is "kill myself" after a wish or a plan ("tbh i wanna kms"), not a distance
    # ("ran 10 kms")
    (
        r"\b(want to|gonna|going to|might|could|will|ill|about to|just|to|should) kms\b",
        r"\1 kill myself",
    ),
    # heights: "fell approx 6ft" is "6 feet"
    (r"\b(\d+) ?ft\b", r"\1 feet"),
    (r"\bmeself\b", "myself"),
    # "wat does saddle numbness mean" asks what a sign is
    (r"\b(wat|wot|wht)\b", "what"),
    # a double negative in a second language is the sign itself: "I not feel nothing when I
    # clean with the paper" feels nothing
    (r"\b(?:not|cant|cannot|dont|do not|didnt|no) (feel|felt) nothing\b", r"\1 nothing"),
    # the Scots "nae" is no: "nae numbness or that"
    (r"\bnae\b", "no"),
    # the Scots "wee" is small, not pee: "a wee bit sore", "the wee small hours"
    (r"\bwee (bit|small|while|touch|one|ones|lad|lass|bairn|boy|girl|hours|hour)\b", r"little \1"),
    # an older word for weak: "my right leg is feeble"
    (r"\bfeeble\b", "weak"),
    # "zero" before a trouble is its absence ("zero issues with peeing"); before a power it is
    # the sign ("zero strength in both legs", "zero feeling")
    (
        r"\bzero (issues|issue|problems|problem|trouble|troubles|symptoms|numbness|tingling|"
        r"weakness|pain|leaks|leaking|accidents)\b",
        r"no \1",
    ),
    # a count or a phone number is not "more numb" (the lemmatiser reads "number" as numb's
    # comparative): "a number of areas of my life, work, exercise and sex"
    # ("a number one" or "a number 2" is the toilet, and stays)
    (r"\bnumber(s?) of\b", r"count\1 of"),
    (
        r"\b(a|the|any|that|this|what|whole|same|phone|emergency|large|small|huge|big|good|"
        r"certain|growing|my|your|his|her|their|our|room|bed|ward|high|low) "
        r"number(s?)\b(?! ?(one|two|1|2)\b)",
        r"\1 count\2",
    ),
    # "bladder issues" are bladder problems
    (r"\bissue(s?)\b", r"problem\1"),
    # the shoulder blades told the long way: "between my neck and the blades of my shoulders"
    (r"\b(the )?blades of (my|his|her|the) shoulders?\b", r"\2 shoulder blades"),
    # the writer in slang: "ya girl is down bad" (no child of hers)
    (r"\b(ya|yo) girl\b", "i"),
    # the saddle's parts as quick typing spells them: "numbing around the buttox and grion"
    (r"\b(buttox|buttoks|butocks|buttcks)\b", "buttocks"),
    (r"\b(grion|gorin|grioin)\b", "groin"),
    # the signs' own words as voice-to-text and quick typing spell them: "cant tell when my
    # bladda is full", "my left leg gone num"
    (r"\b(bladda|bladdar|bladdah|blader|bladdder|blaader)\b", "bladder"),
    (r"\b(num|numm|nunb)\b", "numb"),
    (r"\b(numbess|numbnes|numbniss|numness|numbeness)\b", "numbness"),
    # the bone-thinning's name as other languages and quick typing spell it ("she have
    # osteoporose")
    (
        r"\b(osteoporose|osteoporoza|osteoporoz|osteoperosis|osteoporsis|ostioporosis|osteoprosis|"
        r"osteoporisis|osteoporosi)\b",
        "osteoporosis",
    ),
    (
        r"\b(go|do|walk|run|lift|sit|stand|com|gett|feel|try|hurt|ach|kill|bend|sleep|work|"
        r"hav|tak|mak|look|talk|noth|someth|anyth|wett|leak|limp|struggl|pee|piss|shiver|burn|"
        r"sweat|shak|throbb|tingl|puk|vomit|pass|faint|fall|slipp|tripp|los)in\b",
        r"\1ing",
    ),
    (
        r"\b(?:me|ma) (back|legs?|bum|hips?|foot|feet|knees?|bits|belt|arse|belly|stomach|bladder|"
        r"bowels?|spine|neck|side|thighs?|calf|calves|groin|privates)\b",
        r"my \1",
    ),
]

# Unable or not, just before an all-clear's words: "i cant walk normally", "im not peeing
# normally", "I would not walk normally" say the opposite of the all-clear (normalise() spells
# "can't", "cannot" and "unable to" as "cant"). Not "hard to": "I work hard to walk normally".
UNDONE_JUST_BEFORE = re.compile(
    r"\b(cant|couldnt|not able to|struggling to|struggle to|not|never|isnt|arent|"
    r"wasnt|werent|dont|doesnt|didnt|wont)( (really|always|quite|properly|even|be|been|able to))?"
    r"( (i|im|he|she|hes|shes|my|his|her))?\s*$"
)
# A hedge between a negation and its verb says the same thing: "i cant really tell when i need
# to pee" is "i cant tell when...", "i dont really have numbness" denies it. Read after the
# contractions are spelt one way; the classifier's n-grams keep the hedge (chat_words=False).
_HEDGED_NEGATION = re.compile(
    r"\b(cant|dont|doesnt|didnt|wont|havent|hasnt|isnt|wasnt|not) "
    r"(really|quite|always|properly|actually|totally|fully|exactly|even) (?=\w)"
)


# A degree word between a linking verb and a sign says how much, not whether: "my left foot is a
# little numb", "went a bit numb", "feels kinda weak" tell the sign as "is numb" does.
_DEGREE_BEFORE_A_SIGN = re.compile(
    r"\b(is|was|are|were|am|feel|feels|felt|feeling|went|goes|go|gone|going|got|gets|getting|"
    r"been|seems|seemed) (a little bit|a little|a bit|a tad|slightly|kinda|kind of|sort of|sorta|"
    r"somewhat|really|quite|very|pretty|so) (?=(numb|numbish|weak|tingly|dead|wobbly|unsteady|"
    r"heavy|floppy)\b)"
)
# What comes next nearly happened, and did not: "nearly hit the deck", "almost passed out".
NEARLY_BEFORE = re.compile(r"\b(nearly|almost|just about|near enough|very nearly)\s*$")

# A child's age told without "old" is an age, not how long anything has hurt: "baby is 5
# months", "shes 4 months now" read as "5 months old" (not "she's 5 months pregnant", "he is 3
# months post op", "5 months into rehab").
_AGE_IN_MONTHS = re.compile(
    r"\b(baby|babys|bubba|son|daughter|boy|girl|little one|lo|twins|newborn|grandson|"
    r"granddaughter|he|she|hes|shes)( is| s| was)?( now| only| just| nearly| almost| about)? "
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen) "
    r"(months?|mths?|weeks?)\b(?! (old|ago|pregnant|post|postpartum|pp|into|in|after|since|of|"
    r"later|gone|along))"
)

_LENGTH = re.compile(r"\b(\d+(?:[.,]\d+)?) ?(cm|mm|cms|centimetres|centimeters)\b")
# a speed, a weight or a distance ("hit the verge at 80kmh", "deadlifting 80 kg", "40-50 miles
# a week"): the unit is kept for the rules that read it, the number dropped, so that it is not
# read as an age
_SPEED_WEIGHT_OR_DISTANCE = re.compile(
    r"\b\d+(?:[.,]\d+)?(?: ?[-\u2013] ?\d+(?:[.,]\d+)?)? ?"
    r"(km/h|kmh|kph|mph|kg|kgs|kilo|kilos|kilograms|lb|lbs|pounds|miles|mile|km|kms|kilometres|"
    r"kilometers)\b"
)
# a height written with an apostrophe ("5'11"); "fell 6 feet" keeps its words for the falls
_HEIGHT = re.compile(r"\b([4-7])' ?(\d{1,2})\b(?: ?(?:inches|inch|in\b|\"|''))?")
# three or more words joined by hyphens ("making-you-gasp-for-breath")
_HYPHEN_CHAIN = re.compile(r"\b[a-z]+(?:-[a-z]+){2,}\b")


# A body part told alone as a sentence, a correction or a note typed in fragments ("correction.
# both legs. both sides shooting since this morning"): it is where the next sentence's
# symptom is, so the two are read as one sentence.
_BODY_PART_ALONE = re.compile(
    r"(^|[.!?\n]\s*)((?:both|both my|my|left|right|the other|other) "
    r"(?:legs|leg|feet|foot|sides|side|thighs|calves|buttocks|hips|hip))\s*[.!]+\s+(?=[a-z])"
)


# "before" and a time, opening a sentence or a clause: "before 3 month i have same pain"
_BEFORE_AS_AGO = re.compile(
    r"(?:^|(?<=[.,!?] )|(?<=\n))before (\d+|a|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|a few|few|several) (days?|weeks?|months?|years?|yrs?)\b(?! (of|in|to|and)\b)"
)


_MONTH_ABBREVIATION = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.(?=\s+(\d|of\b))"
)


# A sign's word asked back, then answered: "peeing? hmm since yesterday its hard to get going",
# "numb? nah". The answer tells of that sign, so the two are read as one sentence ("peeing: hmm
# since yesterday..."): the sign's word meets the answer's. Only a sign's word: "why? just
# wondering" and "sometimes? it comes back" are other things.
_SIGN_ASKED_BACK = re.compile(
    r"(?:^|(?<=[.,!?] )|(?<=\n))(pee|peeing|wee|weeing|urine|bladder|bowel|bowels|poo|pooing|"
    r"toilet|wiping|numb|numbness|tingling|pins and needles|feeling|legs|leg|weak|weakness|"
    r"fever|temperature|temp|sweats|night sweats|weight|weight loss|falls|fall|cancer|"
    r"steroids)\?+ +(?=\w)"
)


# "ill" before a verb that an illness never takes is "I'll"; "have" and "been" are left out
# ("felt so ill have been in bed all day").
_ILL_AS_I_WILL = re.compile(
    r"\bill(?= (use|do|try|check|start|give|take|keep|stop|let|ask|look|call|book|wait|send|"
    r"post|update|tell|stick|skip|add|see|go|get|be|probably|prob|just|def|definitely|"
    r"deffo|defo|report|film|message|text|need|make|work|come|pop|grab|buy|order|read)\b)"
)
# At a message's opening only, said as "back again", "back here" or "im back", and followed by
# a break or a word of chat, never by a body word: "back again hurting" is left alone.
_BACK_AS_RETURNED = re.compile(
    r"^\W*((hi|hey|hello|hiya|heya|yo|ok|okay)\W+)*"
    r"((im|i'm|i am|its me|it's me)\W+back( again| here)?|back (again|here))"
    r"(?=\s*([^\w\s]|$|(been|lol|haha|hi|hey|did|to see|to ask|to say|to tell|to update)\b))"
)


# Compiled once: every server start normalises some sixteen thousand rule terms, and re.sub's
# look-up of a pattern given as text was a third of that time.
_CHAT_WORDS_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _CHAT_WORDS]
_CONTRACTIONS_COMPILED = [
    (re.compile(pattern), replacement) for pattern, replacement in _CONTRACTIONS
]


# Each message is normalised by several components and, in a burst, again in every reading
# across messages: a pure function, remembered for the messages just seen.
@functools.lru_cache(maxsize=1024)
def normalise(text: str, chat_words: bool = True) -> str:
    """Lower-case, unify apostrophes, spell negated verbs one way ("can't" -> "cant") and
    text-speak "n" as "and".

    An ellipsis ends a sentence: in a long story it marks a cut or a jump in time, and a sign
    and its context on either side of it do not belong together.
    """
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"(\.{3,}|\u2026)", ". ", text)
    # A month written short is no sentence's end: "when my aorta burst on Feb. 12, 2010" keeps
    # its year in the sentence that tells the event.
    text = _MONTH_ABBREVIATION.sub(r"\1", text)
    text = _BODY_PART_ALONE.sub(r"\1\2, ", text)
    # A list's bullet ends the item before it: "-Doesn't speak at all\n-Legs are totally lame"
    # is two statements, and "-legs" is no word.
    text = re.sub(r"(?m)^[ \t]*[-*\u2022]+[ \t]*(?=\w)", ". ", text)
    # A length, a height, a speed, a weight or a distance is no age: "a 63cm frame", "I'm 5'11"
    # keep their numbers in one token ("cm63", "5ft11"), which the age rules do not read;
    # "80kmh", "80 kg" and "50 miles" lose theirs (no rule reads their number, only the unit).
    text = _LENGTH.sub(r"\2\1", text)
    text = _SPEED_WEIGHT_OR_DISTANCE.sub(r"\1", text)
    text = _HEIGHT.sub(r"\1ft\2", text)
    # Three or more words chained by hyphens are a phrase written as one word ("a
    # making-you-gasp-for-breath pain"), read as its words; two ("x-ray", "cross-legged") stay.
    text = _HYPHEN_CHAIN.sub(lambda chain: chain.group(0).replace("-", " "), text)
    # Double quotes mark a shout or a quote, not a break: 'I went "RIGHT OFF!"' reads on.
    text = re.sub(r"[\"\u201c\u201d]", "", text)
    # A checklist's "n/a" is not text-speak "n": "steroids / osteoporosis: n/a". Its boxes
    # say the rest: "[ ] numbness in the saddle area" is denied, "[x] hips stiff" told.
    text = re.sub(r"\bn/a\b", "not applicable", text)
    text = re.sub(r"\[ ?\] *", "no ", text)
    text = re.sub(r"\[[xX\u2713\u2714]\] *", "", text)
    # Text-speak "n" and "&" between words are "and": "catching n locking"; "w/o" is
    # "without" and "w/" or a lone "w" is "with": "better off w/o me", "sorted w surgery".
    text = re.sub(r"(?<=\w) (?:n|&) (?=\w)", " and ", text)
    text = re.sub(r"\bw/o\b", "without", text)
    text = re.sub(r"\bw/ ?", "with ", text)
    text = re.sub(r"(?<=\w) w (?=\w)", " with ", text)
    # The intent classifier learnt its n-grams without them (chat_words=False).
    for pattern, replacement in _CHAT_WORDS_COMPILED if chat_words else []:
        text = pattern.sub(replacement, text)
    for pattern, replacement in _CONTRACTIONS_COMPILED:
        text = pattern.sub(replacement, text)
    if chat_words:
        text = _HEDGED_NEGATION.sub(r"\1 ", text)
        text = _DEGREE_BEFORE_A_SIGN.sub(r"\1 ", text)
        # "before 3 month" is "3 months ago" in the English of many learners ("before 3 month
        # i have same pain and it go away"): a time back, not a length
        text = _BEFORE_AS_AGO.sub(r"\1 \2 ago", text)
        text = _SIGN_ASKED_BACK.sub(r"\1: ", text)
        # "I'll" is no "ill": "so I'll be doing exercises" tells no illness, nor does it typed
        # without its apostrophe before a verb ("so ill use that", "ill try the stretch")
        text = re.sub(r"\bi'll\b", "i will", text)
        text = _ILL_AS_I_WILL.sub("i will", text)
        # a greeting on coming back is no back: "back again! been doing the hinge", "im back :)"
        text = _BACK_AS_RETURNED.sub("hello again", text)
        # "he's had a stroke" has had one, not "he's having" one: "had" and "having" share a
        # lemma, so the perfect is spelt out
        text = re.sub(r"\b(he|she)'?s had\b", r"\1 has had", text)
        # a verb's "-ing" with "'s" is "is" or "has", never a plural: "peeing's been weird since
        # sunday" tells of peeing, which "peeings" would not match
        text = re.sub(r"\b(\w+ing)'s\b", r"\1 is", text)
    text = re.sub(r"(\w)'(\w)", r"\1\2", text)
    return _AGE_IN_MONTHS.sub(r"\g<0> old", text) if chat_words else text


NEGATION_CUES = {
    "no",
    "not",
    "never",
    "without",
    "dont",
    "doesnt",
    "didnt",
    "havent",
    "hasnt",
    "isnt",
    "wasnt",
    "nor",
    "neither",
    "none",
    "denies",
    "deny",
    "nope",
    "arent",
    "werent",
    "nothing",
    "nothings",
    "nobody",
}
# Words that look like negation but keep the symptom open ("not sure if I'm numb").
PSEUDO_NEGATIONS = [
    # a thing told as small still happened: "not a big fall, she sort of slumped down" (read in
    # the cue and the two words after it)
    "not a big",
    "not a bad",
    "not a serious",
    "not a major",
    "not a hard",
    "not much of",
    "wasnt a big",
    "wasnt a bad",
    "not gonna lie",
    "not going to lie",
    "wont lie",
    "not sure",
    "not certain",
    "dont know if",
    "dont know whether",
    "not just",
    "not only",
    "no idea if",
    "cant tell if",
    "no better",
    "not better",
    "not improving",
    "not getting better",
    "no change",
    "not stopping",
    "doesnt stop",
    "doesnt go away",
    "wont go away",
    "dont go away",
    "no relief",
    "doesnt help",
    "dont help",
    # what failed to ease the pain tells the pain: "a run didn't help the shooting pain"
    "didnt help",
    "wont help",
    "not helping",
    "isnt helping",
    "didnt ease",
    "doesnt ease",
    "didnt touch",
    "doesnt touch",
    "nothing helps",
    # an emptying that never comes is the sign itself: "it never feels like my bladder empties"
    "never feels like",
    "never feels empty",
    "never empties",
    "doesnt feel empty",
    "dont feel empty",
    # what fails to ease it is listed, not denied: "nothing that palliates it- laying down,
    # heat, cold"
    "nothing eases",
    "nothing relieves",
    "nothing works",
    "nothing that helps",
    "nothing that eases",
    "nothing that relieves",
    "nothing that palliates",
    "nothing that works",
    "no position",
    "dont understand",
    "cant understand",
    "dont know why",
    "cant explain",
    "doesnt explain",
    "didnt notice",
    "didnt mention",
    "didnt press",
    "never mentioned",
    "didnt realise",
    "didnt realize",
    # others not knowing tells the thing: "they didn't learn how often suicide entered my
    # thoughts"
    "didnt learn",
    "never learned",
    "never learnt",
    "never knew how",
    "didnt know how",
    # not knowing one was tells that one was: "I didn't know I was nine weeks pregnant"
    "didnt know i",
    "didnt know it",
    "didnt know she",
    "didnt know he",
    "didnt even know",
    "never knew i",
    # a discovery, told as not having known: "I had no idea I had fractured bones and no clue
    # that I had osteoporosis"
    "no idea i",
    "no idea that",
    "no clue i",
    "no clue that",
    "never understood",
    # a diagnosis that came late, not a denial of it: "I wasn't diagnosed fast enough"
    "wasnt diagnosed fast",
    "wasnt diagnosed quickly",
    "wasnt diagnosed in time",
    "wasnt diagnosed until",
    "not diagnosed until",
    "not diagnosed in time",
    "wasnt scanned until",
    "wasnt seen until",
    # a time that came, not a denial: "it wasn't until the heifer... knocked me into the gutter"
    "wasnt until",
    "wasnt till",
    "not until",
    "not till",
    # the only way left, which was taken: "there was no other option than to jump"
    "no other option",
    "no option but",
    "no choice but",
    "no other choice",
    "no other way",
    "nothing for it but",
]
# Tokens that end a negation's reach inside a sentence: punctuation, the words that join
# clauses, and a reason, which is a clause of its own ("I don't go out because my legs give
# way" denies the going out, not the legs).
SCOPE_BREAKS = (
    {",", ";", ":", "."}
    | {"but", "however", "although", "though", "except", "yet", "and"}
    | {"because", "cos", "coz", "cuz"}
)
NEGATION_WINDOW = 6
# Words that end a list whose items a negation before the first item denies, and how many
# more words that list may add to the negation's reach.
LIST_ENDS = {"or", "nor"}
LIST_REACH = 6
SUBJECTS = {"i", "im", "ive", "you", "he", "she", "we", "they", "it", "its"}
# A "no" that answers, not one that denies what follows it: "no i cant put any weight on it".
ANSWERING_NO = "no"
# Words for the one asked, said between such a "no" and its subject: "no mate i cant".
ADDRESS_WORDS = {"mate", "love", "hun", "pal", "bro", "lad", "man", "dude", "sorry", "honestly"}
# "Can't run without pain", "never a day without the numbness": a "without" that is itself
# negated tells the sign, it does not deny it.
NEGATED_WITHOUT = "without"
# How far back its own negation may stand: "could not even put her foot on the ground without
# passing out" tells the fainting, eight words on.
NEGATED_WITHOUT_WINDOW = 9
# "It's not the cancer that's destroying my life now": a cleft tells the thing, it does not
# deny it (read from the cue to just past the mention).
CLEFT_NEGATION = re.compile(
    r"^(?:not|isnt|wasnt) (?:the|my|his|her|their) \w+(?: \w+)? (?:thats|that|which)\b"
)
# A hardship before "without" negates it too: "difficulty putting weight on my right leg
# without my knee buckling" tells the buckling.
DOUBLE_NEGATION_CUES = {
    "cant",
    "cannot",
    "couldnt",
    "never",
    "no",
    "not",
    "wont",
    "difficulty",
    "trouble",
    "struggle",
    "struggling",
    "struggled",
    "hard",
    "harder",
    "barely",
    "hardly",
}
# Tokens that end the clause in which "it went away" can put a sign in the past: "much better,
# but I can't feel anything when I wipe" keeps the numbness present.
CLAUSE_BREAKS = {";", "but", "however", "although", "though", "yet", "except", "now", "."}
# Where a rule scoped to one clause stops: these words, and a comma before a conjunction ("pins
# and needles in my feet for years, and my back is sore" tells two things). Narrower than
# CLAUSE_BREAKS: "it has hurt now for months" is one clause.
SCOPE_CLAUSE_BREAKS = {";", ".", "but", "however", "although", "though", "yet", "except"}
CONJUNCTIONS_AFTER_COMMA = {"and", "so", "then", "which", "while", "plus"}

# One guess of several: a fragment that opens with "or" ("Unless it's a pulled muscle. Or a
# slipped disc. Or a kidney infection."), or a list that ends in "or something else awful" ("I
# was certain I had some sort of intestinal failure, or a kidney infection, or something else
# awful").
# An event guessed at as the cause of a long-standing pain, asked: "I'll never know what
# started it. Was it the car accident? That time I slipped down the stairs?"
CAUSE_GUESSED = re.compile(
    r"^\W*(was it|could it (have been|be)|maybe it was|might it have been|or was it)"
    r"( from| because of)?( the| that| my)?\s*$"
)
# A condition named as a friend's or a relative's guess, not a clinician's: "mate said it's
# ankylosing spondylitis??", "my wife reckons it could be a". (What a witness saw, "my wife said
# I passed out", names no "it" and is read as told.) Or the guess is that the writer has it:
# "my mum is convinced i have a kidney infection".
OTHERS_GUESS = re.compile(
    r"\b(mate|mates|friend|friends|mum|mom|mother|dad|father|wife|husband|partner|missus|"
    r"brother|sister|colleague|coworker|workmate|boss|neighbour|neighbor|someone|people|gf|bf|"
    r"girlfriend|boyfriend|hubby)( at work| at the gym| of mine)?( \([^)]{0,30}\))? "
    r"((said|says|reckons|reckoned|thinks|thought|suggested|swears|keeps saying)( that)? "
    r"(it'?s|its|it is|it was|it could be|it might be|it may be|maybe|it sounds like|"
    r"my (\w+ ){0,2}(pain|back|hip) (might|could|may) be)|(is |was )?(convinced|sure|certain)"
    r"( that)? i (have|ve got|had|might have|could have))( a| an| some)?\s*$"
)
GUESS_OPENS = re.compile(r"^\W*or( maybe| perhaps| possibly| even)?( a| an| some)?\s*$")
GUESS_ENDS = re.compile(
    r"^[^.?!]{0,40}\bor something( else)? (awful|worse|serious|sinister|scary|terrible|horrible)\b|"
    # a search engine's guess: "tell me i have cauda equina like dr google did"
    r"^[^.?!]{0,20}\b(like|as|says|said) (dr|doctor|doc|the) (google|internet)\b"
)

# Words that name the signs as a topic: a question only when the sentence asks one ("what are
# the signs of...?"); "I was showing symptoms of cauda equina" is a report.
TOPIC_CUES = [
    "warning sign",
    "signs of",
    "sign of",
    "the signs",
    "any signs",
    "symptoms of",
    "symptom of",
    "red flag",
]
# Advice to watch for the signs: a question even between a rule's words ("told me to look
# out for cauda equina").
# A reason given, told as a fact, ends what an advice or question cue before it frames:
# "told me to come back if my back didnt settle because i had prostate cancer".
REASON_TOLD = re.compile(r"\b(because|cos|coz|cause) (i|ive|im|my|he|hes|she|shes)\b")
ADVICE_CUES = [
    "look out for",
    "watch out for",
    "watch for",
    "keep an eye out for",
    "the list of",
    "things to ring",
    "things to call",
    "things to look for",
    "to ring the labour ward about",
    "go straight to a&e if",
    "go to a&e if",
    "call 999 if",
    "ring 999 if",
    "come back if",
    "warning signs like",
    "red flags like",
    # someone else's advice put as a rule for anyone: "my mate said if you go numb down there
    # you need to go to a&e"
    "said if you",
    "says if you",
    "say if you",
    "told me if you",
    "reckons if you",
    "read that if you",
    "heard that if you",
    "apparently if you",
]
# Someone's rule for anyone, that signs mean a condition: "my sister said weight loss and back
# pain = cancer" (a clinician's finding is no such rule: "the GP said the scan means cancer").
SAID_TO_MEAN = re.compile(
    r"\b(said|says|say|reckons|reckon|read|heard|apparently)\b( that)?[^.?!]{0,60}"
    r"(=|\bmeans?|\bequals?|\bis a sign of|\bare signs of|\b(can|could) mean)\s*$"
)
# Words that ask about the signs wherever they stand.
QUESTION_CUES = [
    "what if",
    *ADVICE_CUES,
    "how do i know",
    "how would i know",
    "what counts as",
    "how can i tell",
    "when should i worry",
    "should i worry if",
    "what happens if",
    # (not "in case it matters", which only prefaces what is told)
    "in case of",
    "in case i ",
    "in case it gets",
    "in case it happens",
    "in case he ",
    "in case she ",
    "in case they ",
    "in case the ",
    "in case something",
    # a sign supposed, not had: "hypothetically, what would numb legs mean?"
    "hypothetically",
]
# Someone else's question, told: "the physio asked me if I'd had any numbness down there". A
# question, unless the answer after the sign says yes ("...and I have, since Monday").
REPORTED_QUESTION = re.compile(
    # (not the assistant's own question, answered: "you asked about weakness.. my foot slaps")
    r"(?<!you )\b(asked|asking|asks)( \w+){0,3} (if|whether|about)\b|"
    r"\bwanted to know (if|whether)\b"
)
# A condition feared or suspected, not had: "scared its cancer", "i suspected everything from
# a pulled muscle to cancer", "convinced it was a tumour". A history told after a worry ("worried
# because i had cancer") has no "it" between.
FEARED_CONDITION = re.compile(
    r"\b(scared|afraid|worried|terrified|frightened|paranoid|convinced|fear|fearing|feared|"
    r"suspect|suspected|wondering|wondered|i thought|i think|googled)( that)? "
    r"(it|its|this|the pain|my (\w+ ){0,2}(pain|ache|back|hip))"
    r"( is| was| could be| might be| may be| must be| could be something like)?( a| an)?\s*$|"
    r"\bsuspected everything from\b[^.?!]{0,60}$|"
    # conditions run through in the mind: "the thought of Kidney Infection - Kidney Stones -
    # Bladder Infection - Random Cancer"
    r"\b(the thought of|thoughts of|visions of)\b[^.?!]{0,80}$|"
    # the fear of one of several things: "to the doctor with fears of a kidney stone, abscess
    # or even a tumor" (with its article: "worried about my cancer" is had)
    r"\b(fears?|fearing|feared|worries|worried|scared|afraid|terrified)( of| about| that it was)"
    r"\b[^.?!]{0,60}\b(a|an)\s*$|"
    # fears run through, listed: "all kinds of stupid scenarios are running through my head:
    # I've got a slipped disc, I've got a tumour"
    r"\bscenarios\b[^.?!]{0,120}$|"
    # health anxiety telling its own fear: "hypochondria set in and i was determined i had a",
    # "she imagines its a brain haemorrhage; a pain in her back is lung"
    r"\b(hypochondria\w*|paranoi\w*|imagines|imagined|imagining)\b[^.?!]{0,80}$|"
    r"\b(determined|certain)( that)? i (had|have)( a| an)?\s*$|"
    # "so i convinced myself i had ovarian cancer bc of google"
    # (the rule's own words may begin at "had")
    r"\bconvinced myself( that)?( i| it)?( had| have| ve got| was| s)?( a| an)?( \w+)?\s*$|"
    # the pain itself asked about: "could my back pain be bone cancer?"
    r"\b(could|might|may|can|is) (it|this|that|my (\w+ ){0,2}(pain|ache|aches|back|hip|"
    r"sciatica))( be)?( a| an| some| something like)?\s*$|"
    # a guess made and left: "naturally, I assumed I had thigh cancer and ignored it"
    r"\b(assumed|presumed|figured) (that )?i( had| have| had got)?( a| an)?\s*$|"
    # a possibility the writer raises: "I may have cancer" (a clinician's word is still asked)
    r"^\W*(i|he|she|they) (may|might|could)( have| have got)?( a| an)?\s*$|"
    # a guess thrown out: "(Or maybe I have a tumor? Or spinal cord damage?)"
    r"\b(or )?maybe (i|it|its|this) (have|has|got|is|could be|might be)( a| an)?\s*$|"
    # the worst of a range of guesses: "it could be as simple as a pinched nerve or as bad as a"
    r"\b(could|might|may) be\b[^.?!]{0,60}\bas (bad|serious|scary|sinister) as( a| an)?\s*$"
)
# ...unless the fear is of it coming back: "scared its cancer again" tells a history.
FEARED_RETURN = re.compile(
    r"^[^.?!]{0,25}\b(again|come back|came back|coming back|returned|returning|recurr\w*|spread)\b"
)
# Months or years told as gone by since an event, after it: "8 months later, I have
# recovered", "it has now been 10 months since the injury". The event is history; what is
# happening now is read from its own words.
_SPAN_OF_TIME = (
    r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|many|"
    r"a couple of|couple of) (months|years|yrs)"
)
TIME_SINCE_EVENT = re.compile(
    r"\b(" + _SPAN_OF_TIME + r" (later|on)\b|"
    r"(it has|its|it is|ive been|i have been) (now )?(been )?" + _SPAN_OF_TIME + r" since|"
    r"a year (later|on)\b|"
    # the months of mending since: "after three months of healing and therapy", "it marks one
    # month since my little mishap", "she is still recovering from her accident"
    r"(after|with) (" + _SPAN_OF_TIME + r"|a month|one month) of (healing|recovery|rehab|"
    r"rehabilitation|therapy|physical therapy|physio|physiotherapy)\b|"
    r"marks (" + _SPAN_OF_TIME + r"|a month|one month|a year|one year) (since|from)|"
    # the time off since: "a 2 day surgery... fused spine. I was off work for four years"
    r"(was|been|were) off work for " + _SPAN_OF_TIME + r"|"
    # the event dated from today, after it: "I am doing well now. The accident was 2 years ago."
    r"(the|my|that|this) (accident|fall|crash|injury) (was|happened) (\w+ ){0,2}"
    r"(years?|yrs) ago|"
    r"(is|am|was|were|are|im|hes|shes|theyre) (still )?recovering (well )?from "
    r"(the|her|his|my|their|this|that) "
    r"(accident|fall|injury|injuries|crash|operation|surgery|op|fracture|break)\b)"
)
# An injury told, then how it has been cared for since, from its own sentence on: "the fracture
# is stable and has so far been healing well", "for the last 12 weeks I've been wearing a back
# brace", "my back has never been the same since". Its emergency is behind it (signs told now
# are read from their own words).
INJURY_CARED_FOR_SINCE = re.compile(
    r"\b((the |my |his |her )?(fracture|fractures|break|bone|bones|vertebra|vertebrae) "
    r"(is|are|was|were|has|have)( so far| now)?( been)? (stable|healing|healed|mending|mended)|"
    r"healing (well|nicely|fine|ok|okay)|"
    r"(wearing|wore|worn|wear|fitted with|fitted for|given) a (back |spinal |neck |body )?brace|"
    r"(sign off|signed off|cleared|the all clear|the go ahead|the green light) (to|for) "
    r"(start|begin|return|go back|physio|physiotherapy|physical therapy|pt|rehab|exercise)|"
    r"never been the same (since|after)|"
    # "i broke a vertebra in a car crash back in 2014 but that all healed, surgeon signed me off
    # years ago"
    r"(that|it|they|which|everything)( has| had| have)?( all)? (healed|mended)|"
    r"signed (me|him|her|them) off|"
    # the repair and the mending told: "Dr. Bjornson operated on my hip right then", "I am home
    # and mended now", "so began my journey back to health"
    r"operated on (my|his|her|the) (hip|back|spine|leg|femur|pelvis)|"
    r"(home|now) and mended|mended now|(journey|road|way) back to (health|recovery|fitness)|"
    # walking again after it: "Helping My Mother to Walk Again After She Fell"
    r"(walk|walking|stand|standing) again after|"
    # the injury as a point in time gone by: "1,5 years after complete hip fracture"
    r"(months|years) after (a |an |the |my |his |her |complete |total )*"
    r"(hip |spinal |spine |back )?(fracture|break|surgery|operation|accident|fall|crash))\b"
)
# Six weeks or more told in the injury's own sentence: "About 13 weeks ago I crashed hard".
_WEEKS_ENOUGH = r"(6|7|8|9|[1-9]\d|six|seven|eight|nine|ten|eleven|twelve|several|many) weeks"
WEEKS_SINCE_INJURY = re.compile(
    r"\b(" + _WEEKS_ENOUGH + r" (ago|later|on|since)|for the (last|past) " + _WEEKS_ENOUGH + r")\b"
)
# The repair told before the injury it mended, in the same sentence: "I had percutaneous
# osteosynthesis and cementoplasty following a large fracture at L1", or the person unhurt.
TREATED_BEFORE = re.compile(
    r"\b(had|underwent|have had|ive had) (a |an |my |the )?(\w+ ){0,3}(surgery|operation|"
    r"fixation|osteosynthesis|cementoplasty|kyphoplasty|vertebroplasty|fusion|pinning|repair|"
    r"hip replacement)( and (a |an )?\w+)? (following|after|for) (a |an |the |my |his |her )?"
    r"(\w+ ){0,2}$|"
    # unhurt, told before the crash it names: "he walked away from a head-on collision"
    r"\bwalked away( unhurt| unscathed| uninjured)? from (a|the|that|this)( \w+){0,2} ?$"
)
# The limb a sign was told in, said normal again later in the story: "now, nearly 8 hours later,
# I'm almost completely sure that my leg is back to normal".
LIMB_NORMAL_AGAIN = re.compile(
    r"\b(my|his|her|the) (?P<limb>leg|legs|foot|feet|calf|thigh|arm|arms|hand|hands) "
    r"(is|are|was|were|feels|felt|seems|seem|has been|have been)( now)? "
    r"((completely|totally|fully|almost completely|pretty much|all) )?"
    r"(back to normal|normal again|fine again|fine now|ok now|okay now|back to itself)\b"
)
# What a limb said normal again covers of a sign's words: "my leg is back to normal" ends "I
# couldn't feel my calf".
LIMB_PARTS = {
    "leg": r"\b(legs?|calf|calves|thighs?|shins?|knees?|foot|feet|toes?)\b",
    "arm": r"\b(arms?|forearms?|hands?|fingers?)\b",
}
# Unable to walk or stand still, told after the injury was seen to: the care did not end it
# ("x-rays... no break, there could be a fracture... it hurts and I still couldn't walk").
# (normalise spells "couldn't", "cannot", "could not" and "unable to" as "cant")
STILL_UNABLE = re.compile(
    r"\bstill (cant|not able to|isnt able to|wasnt able to) "
    r"(walk|stand|get up|move|bear weight|put weight|weight bear)"
)
# An injury's repair told after it, pointing back at it: the injury has been seen to. A repair
# of something else ("I had surgery on my knee last year") says nothing of today's fall.
_THE_INJURY = r"(it|them|the break|the fracture|her hip|his hip|my hip|their hip)"
# The tests that see an injury: "the x-rays were clear"
_IMAGING = r"(x[ -]?rays?|ct|scans?|mri)"
# A course of treatment told as done, between a sign and its end: "a uti a few weeks ago but
# finished the antibiotics and its all cleared up".
COURSE_DONE = re.compile(
    r"^\s*(i )?(finished|completed|done|did|took|had|been on)( the| a| my)?( full)?( course of)?"
    r"( the| my)? (antibiotics|abx|tablets|meds|medication|medicine|treatment|course)"
    r"( and| then|,)*\s*"
)
TREATED = re.compile(
    # ("surgery (screws?) to repair the fracture": a short aside may stand between)
    r"\b((surgery|an operation|the operation|an op|the op)( \([^)]{0,20}\))? "
    r"(to (repair|fix|pin|mend) "
    + _THE_INJURY
    + r"|on "
    + _THE_INJURY
    + r")|had "
    + _THE_INJURY
    + r" (pinned|plated|fixed|repaired|replaced|operated on)|"
    # the repair a broken hip gets, named: "fell and broke her hip. She had a partial hip
    # replacement" (a total one is as often planned for worn joints, so it says nothing)
    r"\b(had|has had|underwent|got|getting) (a |an )?(partial|half) hip replacement|"
    # the operation told of the one hurt, right after the break: "my mum fell last week and broke
    # her hip and she has had an operation"
    r"(she|he|they) (has had|have had|had|has now had) (an|the|her|his|their) "
    r"(operation|op|surgery)\b|"
    r"\bhemiarthroplasty|"
    # taken into care at once: "fell off the scaffold today, ambos took him"
    r"\b(ambos|ambulance|the ambulance|paramedics|the paramedics) (took|came for|picked up|"
    r"have taken|has taken) (him|her|them)\b|"
    # the repair told by the operation: "broke my left hip... and was soon being operated on"
    # (an operation of years ago says nothing of today's break: "they operated on my hip years
    # ago")
    r"\b(and|then) (i |he |she |they )?(was|were|got) (soon |then |quickly )?(being )?"
    r"operated on\b|"
    # seen to, with what came of it: "the ER x-rays were clear and they called it a strain",
    # "the hip has been replaced", "sent me home"; being at A&E now is no outcome yet
     + _IMAGING + r",?( \w+){0,3} (showed|shows|came back|came out|were|was) "
    r"(clear|clean|fine|normal|nothing|no |negative)|"
    # "nothing broken" only as a test's or a clinician's finding, not the person's guess
    r"(" + _IMAGING + r"|doctors?|docs?|the er|a ?& ?e|hospital|they)[^.?!]{0,40}"
    r"(nothing (was |is )?broken|no fracture|no break|not broken)|"
    # a finding told in the past, with no guess in it: "I'm very lucky, nothing was broken",
    # "no serious injuries", "I checked out okay", "the diagnosis, lower back strain"
    r"(?<!sure )(?<!if )(?<!hope )(?<!hoping )(?<!that )nothing was broken|"
    r"no (serious|real|major|significant|lasting) injur(y|ies)|"
    # a lesser injury found in its place: "at the ER I was... told all I did was pull some
    # muscles", "the doctor diagnosed me with a muscle strain"
    r"told (me |him |her )?(that )?all (i|he|she) (did|had done) was (pull|strain|bruise|sprain|"
    r"tweak)|"
    r"diagnosed (me|him|her|it) (with|as) (a |an )?((lower |low )?back |muscle |muscular |"
    r"lumbar |soft tissue )*(strain|sprain|bruise|bruising|contusion|pulled muscle|whiplash)|"
    r"(i have|i had|there (were|was|are|is)) no (fractures?|broken bones|breaks)\b|"
    # "there was no dislocation nor fracture found", "incredibly lucky and not broken anything"
    r"no (dislocation|fracture|break)( (nor|or|and) (dislocation|fracture|break))? (was )?found|"
    r"lucky and (has |have |had )?not broken anything|"
    # unhurt: "landed squarely on his false hip and was completely uninjured", "walked away
    # with only a sprained neck"
    r"(was|were|is|are) (completely |totally |entirely )?(uninjured|unhurt|unharmed)|"
    r"walked away with (only|just) (a |some )?(sprain|sprained|bruise|bruised|bruises|"
    r"bruising|scratch|scratches|graze|grazes|minor)|"
    r"checked (me |him |her )?out (ok|okay|fine|alright|all right)|"
    # the use of the legs back after care: "I regained the ability to walk without assistance"
    r"regained (the |my |his |her )?(ability|strength|use of (my|his|her) legs) to "
    r"(walk|stand|bear weight)|"
    # the worst ruled out, something lesser told in its place: "my neck didn't fracture
    # either, just sprained", "my hand wasn't broken, just jammed"
    r"(wasnt|was not|isnt|werent|didnt|did not) (broken|fractured|fracture|break)( either)?,? "
    r"(just|only) (a )?(sprain|sprained|jammed|bruised|bruising|strained|strain|whiplash)|"
    # looked over by someone who can tell: "the paramedics came and checked her over, she's
    # fine, not a mark on her"
    r"(paramedics?|ambulance crew|doctors?|docs?|gp|nurse|they) (came and |had )?"
    r"(checked|looked) (me|him|her|them) (over|out)\b[^.?!]{0,40}"
    r"\b(fine|ok|okay|alright|all right|not a mark|no damage|nothing broken)|"
    # "they x-rayed her back and hip and it was all clear"
    r"(x[ -]?ray(e)?d|scanned)\b[^.?!]{0,60}\b(all clear|clear|fine|normal|nothing broken|"
    r"no fracture|no break)|"
    # imaged, with only a lesser injury found: "once x-rayed, I wound up with a lumbar strain"
    r"(x[ -]?ray(e)?d|scanned|" + _IMAGING + r")\b[^.?!]{0,40}\b(wound up with|ended up with|"
    r"showed|shows|found) (only |just )?(a |an )?((lower|low|upper) |lumbar )?(back )?(muscle )?"
    r"(strain|sprain|contusion|bruise|bruising|pulled muscle)\b|"
    r"(the )?diagnosis( was| is)?[:,?]? (a |an )?((lower|low|upper) )?(back )?(muscle )?"
    r"(strain|sprain|bruise|bruising|contusion|pulled muscle)|"
    r"(sent|let) (me|him|her|them|us) (go )?home|discharged|home from (the )?hospital|"
    # a stay in hospital, or a brace fitted, told after it: "five days in hospital and now home
    # convalescing", "the brace that I wear", "a clean bill of health"
    r"(\w+|a few|a couple of) (days|nights|weeks) in (the )?hospital|"
    # through the operation and on to rehab: "Emergency surgery the next afternoon replaced the
    # top of the femur... She came through the surgery well and is now in a rehab center"
    r"came through (the |her |his |my |their )?(surgery|operation|op)\b|"
    r"(now )?in (a |the )?rehab (center|centre|unit|ward|facility|hospital)|"
    r"(back )?brace (that )?(i|he|she) (wear|wore|have to wear)|"
    r"(wear|wearing|wore|in) a (back )?brace|"
    r"brace for (\w+|a few|a couple of) (weeks|months)|(healed|has healed|fully healed) "
    r"(fine|well|up|completely|now)|"
    r"clean bill of health|"
    # the break fixed in theatre: "following surgery and a brief hospitalization", "in to
    # theatre where they pin the fracture", "three screws and a plate inserted", "my new hip",
    # "it's been fused to the L2 and L4 with metal rods"
    r"(its been|it was|had it|had them) (fused|pinned|plated)\b|with metal rods|"
    # (not a plan: "they plan to have dad up and moving the day after surgery")
    r"(?<!the day )(?<!the morning )(following|after) (the |my |his |her )?"
    r"(surgery|operation|op)\b|"
    r"(in ?to|went to|taken to) theatre|pin(ned)? (the fracture|the break|it)\b|"
    r"(screws?|plates?|pins?|a nail|rods?)( and (a |some )?(screws?|plates?|pins?|nail|rods?))? "
    r"(inserted|put in|fitted)|(my|his|her) new hip|\b(mended|on the mend)\b|"
    # the injury named by a clinician: "the doctor called it a minor compression fracture"
    r"(doctors?|docs?|gp|consultant|surgeon|specialist) (called|diagnosed) (it|them)\b|"
    # a recovery told from after it: "after a long period of therapy I felt much better and
    # was functioning close to my pre-accident lifestyle"
    r"(my|his|her|their|our) pre[ -]?(accident|injury|crash) (life|lifestyle|self|level|levels|"
    r"fitness|activity|activities|routine)|"
    # a clinician's word, not the person's own ("he says it is whiplash")
    r"(doctors?|docs?|gp|dr|consultant|physio|the er|a ?& ?e|hospital|paramedics?|they) "
    r"(said|says|told me|told us|called it) (it was|it is|its|it's)? ?(a |just |only )?"
    r"(strain|sprain|bruised|bruising|bruise|muscular|soft tissue|whiplash|(a |major )?contusion)|"
    # ...naming what the person has: "the doctor told me that I have a hip flexor strain"
    r"(doctors?|docs?|gp|dr|consultant|physio|specialist|surgeon) (said|says|told me) (that )?"
    r"(i have|ive got|i had) (a |an )?(?!(not|no|never) )(\w+ ){0,2}(strain|sprain|bruise)|"
    r"(has been|had been|was|got) (replaced|pinned|plated|fixed|repaired|operated on)|"
    # a nail or a plate put in, a joint put back: "surgery to install a nail", "having it put
    # back into place"
    r"(surgery|an operation|the operation|an op|the op) to (install|insert|put in|fit|place) "
    r"(a |the |two |three |some )?"
    r"(nail|pin|pins|plate|screws|rod|rods)|put back (in|into) (place|its socket|the socket)|"
    # the repair under way: "she fell and broke her hip. she is having surgery today"
    r"(is|are|am|im|hes|shes) having (surgery|an operation|the operation|her operation|"
    r"his operation|my operation) (today|tonight|tomorrow|this morning|this afternoon)|"
    # the break known and behind them: "despite his good mobility before the fracture, they
    # say he won't walk alone again" (a fall alone is not: "she was fine before the fall")
    r"before (the|his|her|my|their) (hip )?(fracture|break)\b|"
    # the recovery after the repair: "it went fine, and she seems to be making a good recovery"
    r"(making|made) an? (good|great|full|remarkable|speedy|quick|excellent) recovery)\b"
)
ANSWERED_YES = re.compile(
    r"\b(yes|yeah|yep|i said yes|i have|ive had|i had|i do|i did|i am|im afraid so|sadly yes)\b"
)
# The days of the week, as the time words in this module name them.
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A day gone by, which makes an "if" a real event asked about: "is it bad if i slipped in the
# bathroom on friday?" ("what if it happens tonight" stays a possibility).
PAST_DAY = re.compile(
    r"\b(yesterday|last night|this morning|the other day|(on|last) " + _WEEKDAY + r"|"
    r"(\d+|a few|few|two|three|couple of) days ago)\b"
)
# A possibility put off to some time to come: "if one day I got numbness".
_SOME_DAY = r"( one day| some day| someday| at some point)?"
# Just before a sign, these make it a possibility someone was warned about, not a report: "he
# said I could develop cauda equina", "surgery if I lose control of my bladder".
HYPOTHETICAL = re.compile(
    r"\b(if" + _SOME_DAY + r" (i|you|it|they|he|she|we)( ever)?"
    # ("if I ever did get those cauda equina symptoms again", "if i did ever get the numb down
    # there thing")
    r"( did| do| should)?( ever)?"
    r"( (got|get|noticed|notice|lost|lose|developed|"
    r"develop|had to|were to|starts? to|started to|begins? to|began to)"
    r"( a| an| any| some| those| these| the| that)?)?|"
    # the back or the pain as the subject: "if my back gets worse next week, will you remember"
    r"if( ever)? (my|their|his|her|your) (\w+ ){0,2}(back|hip|hips|pain|leg|legs|sciatica)"
    r"( ever)?( (gets|got|get|"
    r"starts|started|becomes|became|goes|went))?\s*$|"
    # the body part named next, anyone's in general or a day to come: "if your legs ever
    # start giving way", "if one day my legs become weak" (not "not sure if my leg is weak")
    r"if( ever)? (your|ur)\s*$|if( one day| some day| someday| ever)( my| his| her| their)?\s*$|"
    # someone named: "bring him back if Spotty got a fever"
    r"if \w+( ever)? (got|gets|developed|develops|ran|runs)( a| an| any)?|"
    # the rule's own words begin with the person: "what if i come off one day"
    r"\bwhat if\s*$|"
    r"could develop|might develop|may develop|could get|"
    # a medicine that may come: "I might need to start methotrexate next year"
    r"(might|may|could|will|would) (need to |have to )?(start|go on|begin|try)( taking| on)?|"
    r"might get|could lead to|can lead to|rate of|could result in|"
    # ("the danger of me actually pissing myself was code yellow")
    r"(risk|chance|danger) of( me| him| her| us)?( actually)?|"
    r"can result in|might result in|such as|unless|end up|ending up|"
    r"be left|"
    # what would have happened, and did not: "if I had waited one more day I would have been
    # paraplegic", "I was this close to being paralyzed", "I would probably be paralyzed"
    r"(would|could|might)( probably| likely| surely)? have been|would (probably|likely) be|"
    r"(this |so |very )?close to (being|becoming)|"
    # a future foretold: "my mother say if I sit so much I will become paralyze when old"
    r"\b(i|you|he|she|we|they) (will|shall|is going to|am going to|are going to|gonna) "
    r"(become|be|end up)( left)?|"
    # a condition someone else says leads to something: "my friend say if the pee is difficult
    # it is the nerve of back" (what is said, not what the writer has)
    r"\b(say|says|said|told me|reckons)( that)? if( the| your| ur| my)?\s*$|"
    # a risk a clinician told of: "I was told I could be paralyzed from the waist down"
    r"(told|warned|said)( me| him| her| us)?( that)? (i|he|she|we|you) (could|might|may|would)"
    r" (be|become|end up)( left)?|"
    # the worst a clinician could find: "they said worse case there could be a"
    r"(worst|worse) case( scenario)?,?( there| it)? (could|might|may|would) be( a| an)?|"
    # whether the body could stand another: "who knows if my body could take a second"
    r"(could|would|can|might) (take|handle|survive|cope with|withstand) (a|another)"
    r"( second| third)?|"
    # people in general, not the writer: "not the right choice for those who have"
    r"(?<!one of )(?<!of those )(those|people) (who|that) (have|has|had|suffer from|get)( a| an)?|"
    r"(?<!one of )(?<!of those )(for|to) (those|people) with( a| an)?|"
    # what usually happens, not what did: "normally when a replacement hip dislocates the pain
    # is excruciating"
    r"\b(normally|usually|typically|generally) when( (a|an|the|your|you|someone|people))?"
    r"( \w+){0,2}|"
    # others who may have had it, asked of: "Other cyclists must have had broken hips, and may be
    # able to give me tips"
    r"\bother (\w+ )?(people|cyclists|riders|runners|walkers|climbers|skiers|folks|women|men|"
    r"patients|readers|mums|moms|parents)( must| may| might| will| would)?( have)?"
    r"( had| got| get| have)( a| an)?|"
    # what others went through, read of: "reading horror stories online about people going numb"
    r"\b(stories|posts|threads|videos|articles)( online)? (about|of) (people|someone|others|folks)"
    r"( going| getting| who got| who went| having| with)?|"
    # what some people get, heard of: "I've heard that some men experience labor pains"
    r"\b(some|many|most|lots of|a lot of) (men|women|people|folks|guys|mums|moms|dads) "
    r"(experience|get|have|feel|suffer)( from)?( a| an| the)?)\s*$"
)
HYPOTHETICAL_REACH = 30  # characters before the sign in which the cue must end
# A condition that may come, told right before its name, after the words a rule reads first:
# "my surgeon told me I could develop cauda equina", "it's possible it might turn into".
# ("my legs can get numb" and "would get numb when I walk" tell what happens: no "get" there)
MAY_DEVELOP = re.compile(
    r"\b((could|might|may)( possibly| potentially| eventually| one day)? "
    r"(develop|get|lead to|result in|end up with|turn into|progress to|progress into)"
    r"|(can|would)( possibly| potentially| eventually)? (develop|lead to|result in|turn into|"
    r"progress to|progress into)"
    r"|(risk|chance|danger|likelihood|possibility|odds) of( developing| getting)?"
    # a break feared for the future, not "might have broken": "prevent a fall where I might
    # break a hip"
    r"|(could|might|may|would)( easily)? (break|fracture|shatter))( a| an| the| my| his| her)?\s*$"
)
# A fall warned against, with what it would do: "permission to do as I wish but not to fall
# over and break my hip".
WARNED_AGAINST = re.compile(
    r"\b(careful|told|warned|instructions|instructed|reminded|permission|try|trying|tried|how)"
    r"( \w+){0,8} not to (fall|trip|slip|tumble)( over| down| off)?( and)?\s*$"
)
# A condition named as what tests were for: "they took me to ultrasound looking for kidney
# stones, uterine fibroids and ovarian cysts, bladder infections", "tested for a UTI". What the
# tests found is told in its own words.
TESTED_FOR = re.compile(
    r"\b((tested|checked|screened|scanned|x-?rayed|examined)( me| him| her| them| us)? for|"
    r"(they|doctors?|docs?|the er|hospital|were|was|are|is|ultrasound|scans?|x-?rays?|mri|ct|"
    r"tests?|bloods|blood work)( \w+){0,4} "
    r"(looking|checking|testing|screening) for|"
    r"(to|and|they|doctors?|docs?) rul(e|ed|ing) out|"
    # "They performed a Lumbar Puncture on me to eliminate the possibility of brain infection"
    r"(eliminate|exclude|excluding|eliminating) the possibility of)\b[^.?!]{0,100}$"
)
# A possibility asked about, however far before the sign in its sentence: "what would happen IF
# my back pain ever went down both legs or i got numb in the saddle area", "what would it mean
# if someone started having trouble peeing" ("what does it mean when my legs go numb" tells one)
WHAT_IF = re.compile(
    r"\bwhat( would| will| could| should)?( happen| happens| (you|u|i|we) do| (it|that) mean)? if\b"
    r"[^.?!]{0,80}$"
)
# Whether a history matters, asked: the history is told ("does it matter if I had breast
# cancer? that was 2018").
RELEVANCE_ASKED = re.compile(
    r"\b(does it matter|does that matter|would it matter|is it relevant|is that relevant|"
    r"does it make a difference|does that make a difference|is it important|should i mention|"
    r"should i say|should i tell them)( that| if)? (i|he|she|we|they)( have| has)?\s*$"
)
# A wish, not a report: "wishing I was paralyzed so I couldn't feel anything from the chest down"
WISHED = re.compile(
    r"\bwish(ing|ed|es)?( that)? (i|he|she|they|it) (was|were|could|had)\b[^.?!]{0,40}$"
)
# The second of two signs in one "if": "if I got numbness down there or couldn't wee, go
# straight to A&E". Only with a verb of coming down with something: "if I sit long my legs go
# numb or I can't wee" tells what happens.
HYPOTHETICAL_OR = re.compile(
    r"\bif" + _SOME_DAY + r" (i|you|he|she|they|we|it)( ever)? "
    r"(got|get|noticed|notice|lost|lose|developed|develop|"
    r"experienced|experience|started|start|starts|begins|began|cant)\b[^.;!?]{0,80}"
    # ("if one day i couldnt feel my bum or had pee problems")
    r"\bor( i| you| he| she| they| we)?( had| got| get| have| cant)?\s*$"
)
# A suspicion about the pain the person has now, before a condition's name: "worried it could
# be something with the kidneys like a", "scared this might be". A fear of what may happen
# ("worried he could fall") is FEARED below.
SUSPECTED_NOW = re.compile(
    r"\b(worried|scared|afraid|concerned|terrified|frightened|wondering|wondered)( that)? "
    r"(it|this|the pain|my pain)( could| might| may| must)? (be|is)\b"
    # or asked outright of what the person has: "could this be back labor??"
    r"|\b(could|might|may|can) (this|it|these) (be|mean)\b"
)
# A fear of what may happen, anywhere before the sign: "I'm terrified he'll fall off the
# ladder". normalise() writes "he'll" as "hell" and "I'll" as "ill".
FEARED = re.compile(
    r"\b(terrified|scared|afraid|worried|frightened|dread|dreading|panicking|fear|fearing)\b"
    r"[^.?!]{0,20}\b(ill|hell|shell|theyll|youll|\w+ (will|might|could|would|may|is going to|"
    r"gonna))\b|"
    # what may come, named as a fear: "my fear of death by pulmonary embolism"
    r"\b(fears?|fearing|feared|afraid|scared|terrified) of (death by|dying of|dying from|getting|"
    r"developing)\b"
)
# A sign brought on by a position that passes at once: "both feet go numb when I sit
# cross-legged, but it goes as soon as I get up".
PASSES_ON_MOVING = re.compile(
    r"\b(goes|go|went|gone|goes away|go away|went away|wears off|wore off|disappears|disappeared|"
    r"passes|passed|stops|stopped|came back|comes back|(went|goes|is|was) back to normal|"
    r"(is|was|felt|feels) (fine|ok|okay|normal))\b"
    r"[^.?!]{0,25}"
    r"\b((as soon as|the moment|the minute|once|when|after) i (get up|got up|get off|got off|"
    r"stand|stood|stand up|stood up|move|moved|shift|change position|shake|uncross|walk|walked)|"
    r"of (getting|standing) (up|off)|"
    r"after (a (couple|few) of |a few |a |one )?(mins?|minutes?|seconds?|secs) of "
    r"(stamping|walking|moving|shaking|standing))\b|"
    # the moving first: "then when i stood up it was fine after a min"
    r"\b(when|once|as soon as|the moment) i (stood|got|get|stand|walked|moved)"
    r"( up| off| about| around)?,? (it|that|the numbness|the tingling|the feeling|my leg|my foot)"
    r" (was|went|is|goes|came) (fine|ok|okay|away|back|normal|back to normal)\b|"
    # stamped or shaken back to life after sitting on it: "my right foot was completely dead,
    # pins and needles, had to stamp it out", "pins n needles both legs. shook em out"
    # (not with the feeling told as staying: "shook them out but still tingling")
    r"\b(had to stamp|stamped|had to shake|shook) (it|them|em|my legs|my leg|my feet|my foot) "
    r"out\b(?![^.?!]{0,20}\b(still|but)\b)|"
    # eased by turning in bed: "if i roll onto my side its gone in like a minute", "then i
    # turn over and im back asleep"
    r"\b(turn|turned|roll|rolled) over and (im|i m|i am|i go|i get|i fall|i fell|i was) "
    r"(straight )?back (to sleep|asleep)\b|"
    r"\b(if|when|once|as soon as) i (roll|rolled|turn|turned|change|changed|shift|shifted)"
    r"( over| position| positions)?( onto| on to| on)?( my| the other)? ?(side|back|front)?,? "
    r"(it|its|it s|the pain|the ache)( is| s| goes| went)? "
    r"(gone|goes away|eases|eased|fine|ok|better)\b"
)
# Where a sentence turns to what happens next: "...when I sit, but it goes when I get up".
# An end told with a doubt: "think it went away?", "maybe it's gone", "seems to have settled"
HEDGED_END = re.compile(
    r"\b(i think|think|i guess|maybe|probably|i hope|hopefully|seems? to( have)?|not sure( if)?)"
    r"\b[^.!?]{0,25}\b(went away|gone|passed|stopped|settled|cleared|better)\b|"
    r"\b(went away|gone|passed|stopped|settled|cleared)\s*\?"
)
CONTRAST = re.compile(r"\b(but|though|although)\b")
ASKS = re.compile(r"\?|\b(what|whats|which|tell me|explain)\b")
# What a sign is like, asked with the sign between: "what does saddle numbness actually feel
# like, so I'd know?". "What does it mean when I can't feel the paper" stays a report.
WHAT_IT_IS_BEFORE = re.compile(
    r"\bwhat (does|do|did|would|will|might|could|should) (a |an |the )?$"
)
WHAT_IT_IS_AFTER = re.compile(r"^[^,.;?!]{0,40}?\b(feel|feels|look|looks|mean|means)\b")
# The condition spoken of in general, not had: "my GP said aneurysms are really rare at my age".
IN_GENERAL_AFTER = re.compile(
    r"^[a-z ]{0,30}? (are|is) (very |really |quite |so |extremely |pretty )?"
    r"(rare|uncommon|unusual|unlikely)\b|"
    # how the condition shows itself in general: "multiple myeloma often presents with back pain"
    r"^[a-z ]{0,30}? (often|usually|typically|commonly|can|may|sometimes|frequently) "
    r"(presents?|shows? up|starts?) (with|as)\b"
)
# What a sign means, read or heard, not the sign had: "I read that numbness in the groin is an
# emergency, I don't have that" (the hearsay before the sign, its meaning after it).
HEARSAY_BEFORE = re.compile(
    r"\b(i read|ive read|i have read|i heard|ive heard|i have heard|they say|apparently|"
    # someone else's reading: "he read online that if you cant pee... its an emergency"
    r"(he|she|we|they) (read|heard)|"
    r"google says|the nhs says|the leaflet says|the website says)( that)?\b[^.?!]{0,20}$"
)
MEANING_AFTER = re.compile(
    r"^[a-z ]{0,40}? (is|are|its|can be|could be|means|can mean) "
    r"(an emergency|a red flag|a warning sign|a sign of|serious|dangerous|a medical emergency)\b"
)
# A clinician's list of what it might be, before the sign: "she said it could be one of three
# things: I was starting to go into labor, ..." (possibilities, not what is happening).
POSSIBILITIES_BEFORE = re.compile(
    r"\b(could|might|may) (be|have been) (one of (two|three|four|several|a few|a couple of) "
    r"things|a few things|several things|either)\b[^.?!]{0,30}$"
)
# Strangers' stories read or heard, before the sign: "people saying they woke up and couldnt
# feel their legs or wet the bed" (not the writer told about: "people say i look thin").
STRANGERS_TOLD = re.compile(
    r"\b(people|others|folk|folks|everyone) (on \w+ )?(saying|say|said|says|posting|posted|"
    r"writing|wrote|describing)( that)? (they|their|theyd|theyve|theyre)\b[^.?!]*$"
)
# Something read or watched about the condition, just before its name: "saw a forum post about
# cord compression, what is that". A topic, not a history.
READ_ABOUT = re.compile(
    r"\b(saw|seen|read|watched|heard)( a| an| this| some| the)?( \w+)? (post|article|video|"
    r"thread|story|documentary|programme|program|podcast|page) (about|on)( a| an| the)?"
    r"( \w+){0,2}\s*$"
)
# A condition read about online as what back pain can be, just before its name: "been
# googling and it says back pain can be myeloma". A fear, not a history; a clinician's "could
# be" is not this (no search or page before it).
READ_ONLINE_CAN_BE = re.compile(
    r"\b(googl\w*|internet|online|web ?sites?|articles?|forums?|tiktok|youtube|symptom checker|"
    # what everyone knows: "I know back pain can be a cancer thing"
    r"i know( that)?|"
    # "i read that back pain can be metastases"
    r"i (read|heard|saw)( that)?)"
    r"\b[^.?!]{0,60}\b((can|could|might|may) (be|mean|indicate|signal|be a sign of)|"
    # "I google and it say maybe tumor"
    r"(say|says|said)( it)?( is| was| could be| might be)?( maybe| perhaps| possibly)|maybe)"
    r"( a| an)?\s*$|"
    # what a pain can be in general: "fun fact: gallstone pain can manifest itself as shoulder
    # pain, pain between the shoulder blades"
    r"\b(can|could|may|might) (manifest|present|show up)( itself| themselves)? as\b[^.?!]{0,60}$|"
    # a medicine's warnings: "the side effects warning include suicidal thoughts in a very small
    # number of people"
    r"\b(side effects?|warnings?|leaflet|label)( warnings?)? (include|includes|included|list|lists|"
    r"mention|mentions|say|says)\b[^.?!]{0,40}$"
)
# ...unless the sentence goes on to tell a history of the person's own: "...can be a sign of
# cancer and I had breast cancer three years ago".
OWN_HISTORY_AFTER = re.compile(
    r"\b(i|ive|he|hes|she|shes|we|mum|mom|dad) (had|have|got|was|were|has|been|am being)\b|"
    r"\bdiagnosed\b|\b(my|his|her) (\w+ )?(cancer|tumou?r|myeloma|lymphoma|leuka?emia)\b"
)
# ...unless the writer then says they have it: "...is an emergency and I have it since yesterday"
SAYS_THEY_HAVE_IT = re.compile(
    r"(?<!dont )(?<!do not )(?<!didnt )(?<!dont think )\b(i have|ive got|i got|i do have|"
    r"i think i have|i now have|i have had)( it| that| this| the same| some of that)\b"
)
# The sign told as the writer's own now, after advice about it: "...and now i am numb down
# there", "now i cant feel when i pee".
NOW_HAS_THE_SIGN = re.compile(
    r"\bnow (i am|im|i have|ive got|ive|i got|i feel|i do feel|my \w+ (is|are|feels?|has gone|"
    r"have gone|went)) (\w+ ){0,2}(numb|weak|tingl\w*|dead|no feeling|gone numb|wobbly)\b|"
    r"\bnow (i|ive) (cant|cannot|can't|couldnt) (feel|pee|wee|walk|control|stand|lift)\b"
)
# The search engine as the one who names a condition: "dr google says spinal tumour". A fear,
# not a history; a condition whose signs a check asks about is still asked about ("google says
# cauda equina": the person's own symptoms led there).
GOOGLE_NAMES_IT = re.compile(
    r"\b(dr |doctor )?google (says|said|thinks|reckons|tells me|told me)( its| it is| it could be|"
    r" it might be| i have| ive got)?( a| an)?( \w+)?\s*$"
)
# A condition owned just before its name is someone's, not the condition in general: "my
# cancer often presents with back pain".
OWNED_BEFORE = re.compile(r"\b(my|his|her|their|our|your)( \w+)?\s*$")
# Asking whether the pain could be the condition, just before its name: "is there any way back
# pain like this could be an aneurysm?". A question about it (its check question), not a report;
# the signs told around it count on their own.
ASKS_IF_IT_IS = re.compile(
    r"\b((could|might|can|would) (this|it|that) (be|mean)|"
    r"(this|it|that) (could|might|can|would) (be|mean))( an| a)?\s*$|"
    # the fear asked outright: "my first thought is 'do I have a spinal tumor?'"
    r"\b(do|could|might|would) (i|he|she|we) have( an| a)?( \w+)?\s*$|"
    # back pain in general: "can back pain be an aneurysm?"
    r"\b(can|could|does|do|is) (back|hip|lower back|low back)? ?(pain|ache|aches|twinges?)"
    r"( ever)? (be|mean|come from|be a sign of)( a| an)?\s*$"
)

RESOLVED_CUES = [
    "healed",
    # "...but that all settled with physio and it's been completely gone for two years"
    "all settled",
    "settled with",
    "completely gone",
    # "hurt for like a week then was fine"
    "then was fine",
    "then fine",
    "then it was fine",
    "then i was fine",
    "then he was fine",
    "then she was fine",
    "sorted itself out",
    "settled down",
    "no longer",
    "not anymore",
    "not any more",
    "havent had it since",
    "never came back",
    "full recovery",
    "for the next hour",
    "wore off",
    "all better",
    "fine now",
    "ok now",
    "okay now",
    "recovered",
    "resolved",
    "cleared up",
    "went away",
    "gone now",
    "long gone",
    "no problems since",
    "no pain since",
    "sorted out",
    "back to normal",
    "all good now",
    "fully better",
    "has passed",
    "got better",
    "used to",
    "feels great",
    "feel great",
    "much better",
    "stopped years",
    "went completely",
    # a recovery told as going well: "a fusion 10 months ago and recovery has been good, pain is
    # way less than before the op"
    "recovery has been good",
    "recovery has gone well",
    "recovery went well",
    "way less than before",
    "much less than before",
    "a lot less than before",
    # the adverb first: "had leg pain back then but it fully went after about 3 months"
    "fully went",
    "completely went",
    "totally went",
    "been pain free since",
    "which i passed",
    "went off within",
    "fully cleared",
    "sorted with",
    "sorted by",
    "sorted it",
    "sorted that",
    "cleared it",
    "cleared that",
    "got rid of it",
    "got rid of that",
    "completely cleared",
    "went off after",
    "feeling came back",
    "feeling has come back",
    "feeling returned",
    "passed the stone",
    "fixed",
    "all good since",
    "been fine since",
    "totally fine since",
    "completely fine since",
    "perfectly fine since",
    "fine ever since",
    "been good since",
    "no trouble since",
    "no bother since",
    "sorted it",
    "cleared it",
    "all over now",
    "been normal since",
    "cleared completely",
    "cleared fully",
    "had nothing since",
    # "a course of prednisolone in 2018 for a chest infection but nothing since"
    "nothing since",
    # "my back was x-rayed then and was fine, never had any trouble from it since"
    "trouble from it since",
    "problems from it since",
    "never had any trouble since",
    "never had any problems since",
    "nothing like it since",
    "nothing like that since",
    "never had it since",
    "not had it since",
    "settled within",
    "repaired",
    # a fever's end: "the trace remnants of my fever breaking", "by Sunday the fever broke"
    "fever breaking",
    "fever broke",
    "fever had broken",
    "fever has broken",
    # in second-language English: "he had the covid with high fever, but this is finish"
    "this is finish",
    "that is finish",
    "it is finish",
    "finish long time",
]
# The sign itself named as gone: "the numbness has completely gone". Only the sign's own word:
# "the feeling has gone" is numbness, and "the pain has gone on for months" goes on.
# A few words on, after a comma, "all gone" can only be the sign: "had a temperature for a
# couple of days, all gone now".
SYMPTOM_GONE = re.compile(
    r"\b(numbness|tingling|pins and needles|weakness|fever|temperature|temp)"
    r"((s| has| have| had| is| was)?( been)?( completely| fully| all| totally)? "
    r"|\b[^.;,]{0,40}, (its |thats )?(all |completely )?|"
    # with another symptom in the same breath: "the numbness and leg pain are 100% gone"
    r" and (the )?(\w+ )?(pain|ache|aches|sciatica|tingling|numbness|weakness) (are|have|has)"
    r"( been)?( completely| fully| all| totally| 100%| 100 percent)? )"
    r"(gone|disappeared|cleared|settled|resolved|stopped)\b"
    r"(?! on| up| down| into| through| numb| dead| weak| worse| bad)"
)
# A clause or sentence that opens by pointing back at the sign just told ("that's all cleared
# up now", "it went off within a minute").
POINTS_BACK = re.compile(
    r"^\W*(it|its|that|thats|this|which|they|theyre|all that|all of that|both|the feeling|"
    r"the numbness|the tingling|the fever|the temperature|"
    # or with the pain it left, its subject left out: "hurt for like a week then was fine"
    r"(hurt|ached|was sore|was bruised|sore|bruised) for|"
    # or by opening with the recovery itself: "Fully healed, did all the rehab.", or its verb
    # with the subject left out: "was awful but cleared up after physio"
    r"(fully|completely|all) (healed|recovered|better|resolved)|made a full recovery|"
    r"(cleared up|went away|settled down|resolved|healed|got better|disappeared|eased off|"
    r"sorted itself out)|"
    r"full recovery|"
    # or by nothing since, the subject left out: "...for a chest infection but nothing since"
    r"(nothing|none|no more|nothing like it|nothing like that) since|"
    # or by the treatment that ended it: "antibiotics sorted it and the gp retested my wee"
    r"(the |a course of |a week of )?(antibiotics|tablets|meds|treatment) "
    r"(sorted|cleared|fixed|got rid of)|"
    # ...or a course of physio or an operation: "physio sorted it and ive had nothing since"
    r"(the |some |a bit of |a few weeks of |a course of )?(physio|physiotherapy|surgery|op|"
    r"operation|injection|injections) (sorted|cleared|fixed|got rid of))\b"
)
# Said over in the clause after the sign: every resolved cue but "used to", which there tells
# how things were before ("he does not feel the need to go as he used to").
RESOLVED_AFTER_CUES = [cue for cue in RESOLVED_CUES if cue != "used to"]
# The sign back after it had gone: "it went away but it came back this week", "but it's
# started again"; not "it has never come back".
CAME_BACK = re.compile(
    r"(?<!never )(?<!not )(?<!hasnt )(?<!havent )(?<!didnt )(?<!wont )(?<!nt )"
    r"\b(came back|come back|comes back|coming back|back again|its back|it is back|"
    r"(has|have|its|it|they|theyve|has now|just) (started|starting|begun|returned)( up)? again|"
    r"started again|starting again|happening again|returned|(it|theyre|its) back now)\b"
)
# Pointing back, the sign said to be gone: "it's gone", "that's all cleared", not "it's gone
# numb" or "it's gone on for weeks".
GONE_NOW = re.compile(
    r"^\W*(its|it is|it has|thats|that is|that has|they have|they are|theyve|theyre|both have) "
    r"(all |completely )?"
    r"(gone|cleared|passed|settled|stopped)\b"
    r"(?! on| up| down| into| through| numb| dead| weak| worse| bad| funny| weird| tingly)"
)
# A check told as done: someone seen, examined or cleared ("my GP checked me", "went to A&E",
# "the doc said it's a strain", "x-ray was clear"). Without it a clinician named is no check:
# "she doesn't want to bother the doctor" must not lift the hold on exercises.
_CLINICIAN = (
    r"(gp|doctor|doctors|doc|docs|physio|physiotherapist|nurse|consultant|specialist|surgeon|"
    r"oncologist|oncology( nurse| team| clinic)?|rheumatologist|neurologist|neurosurgeon|"
    r"orthopaedic|orthopedic|midwife|maternity( triage| unit| assessment( unit)?| ward)?|"
    r"labour ward|labor and delivery|triage|"
    r"chiro|chiropractor|osteo|osteopath|a ?& ?e|er|emergency (department|room)|hospital|"
    r"urgent care|walk in( centre)?|"
    r"clinic|out of hours( doctor| service)?|paramedics?|ambulance crew|111)"
)
CHECK_TOLD = re.compile(
    r"\b(checked|examined|assessed|saw (me|him|her|them|us)|(been|got|was|were|being) seen|"
    r"had a (look|feel)|took a look|"
    # the all clear given, not a state told ("im all clear tho", of a cancer years ago)
    r"(got|given|gave (me|him|her|us)|had|have had) (the |an )?all clear|"
    r"cleared (me|him|her|us|it|them)|(been|was|were|got|get) cleared|"
    r"(went|been|gone|got) (in )?(to|into) (the |my |a |an |our )?" + _CLINICIAN + r"|"
    r"saw (the |my |a |an |our )?"
    + _CLINICIAN
    + r"|"
    + _CLINICIAN
    + r" (said|says|told|thinks|reckons|reckoned)|"
    r"(scan|mri|x ?ray|bloods|tests|results) (was|were|came back|all) (clear|normal|fine|ok)|"
    # as written by people whose English is a second language: "the doctor see me yesterday,
    # she make examination... she say it is ok"
     + _CLINICIAN + r" (see|sees) (me|him|her|us)|(make|made|did|do|done|had) (an |the |a |some )?"
    r"(examination|exam|check ?up|blood tests?|tests|scan|x ?ray|mri)|(she|he|they) "
    r"(say|says|said) (it is|its|it was) (ok|okay|fine|only|just|nothing|muscle|muscular)|"
    r"(she|he|they|" + _CLINICIAN + r") (check|checks) (me|him|her|us))\b"
)
# A check told as done lately: with it, a check told in any words lifts the hold on exercises
# (the `check_told` entity), whatever else the message asks. "Today" alone is left out: "the
# doctor sees me today" has not happened yet; "saw my GP today" has.
CHECKED_LATELY = re.compile(
    r"\b(yesterday|this morning|this afternoon|this evening|last night|last week|earlier today|"
    r"just now|just been|just got back|got back from|update|"
    r"(an|one|two|three|a few|\d+) (hours?|days?) ago)\b|"
    # "today" told as done: "saw my oncologist today", "today I was at GP"
    r"\b(saw|seen|was at|went to|been to|visited) [^.?!]{0,40}\btoday\b|"
    r"\btoday (i|we) (was|were|went|saw|had|got)\b"
)
# A check told as long before now ("my doctor already checked my chest last month"): it came
# before the sign told since, so it is no check of that sign and lifts no hold on exercises.
CHECKED_LONG_AGO = re.compile(
    r"\b(last (month|year|summer|winter|spring|autumn)|(a|one|two|three|a few|several|\d+) "
    r"(months?|years?) ago|months ago|years ago|back in (19|20)\d\d)\b"
)
# A condition named by a clinician or a test: "turns out it was shingles", "the provider
# confirmed it", "it's determined I have a kidney infection".
NAMED_BY_A_CLINICIAN = re.compile(
    r"\b(turns out|turned out|confirmed|diagnosed|determined|diagnosis|prescribed|"
    r"antivirals?|antibiotics|says he|says she|said she|said he)\b"
)
# The condition told as come on since the visit: "but now there's a rash".
# An operation that has happened, on the back, a disc or a hip: "I had hip surgery last year",
# "I recently had emergency surgery", "the surgery went well", "now, 2 weeks post".
OPERATED = re.compile(
    r"\b((had|have had|underwent|undergone|after|since|following|during|recovering from) "
    r"(the |my |an |a |his |her )?(\w+ ){0,4}(surgery|operation|op|microdiscectomy|discectomy|"
    r"microdisectomy|laminectomy|decompression|fusion|hip replacement)|"
    r"(surgery|operation|op|procedure) (went|was) (well|fine|good|ok|okay|a success|successful)|"
    r"post[- ]?op|(days?|weeks?|months?|years?) (post|out from|out of)\b)"
)
# Told after the operation, these make the sign a change to report, not the one it left.
WORSE_SINCE = re.compile(
    r"\b(worse|worsening|weaker|spreading|spread|suddenly|all of a sudden|came back|coming back|"
    r"back again|other leg|both legs|second leg|new|before the (operation|surgery|op)|"
    r"since (yesterday|last night|this|the weekend|" + _WEEKDAY + r"))\b"
)
SINCE_SEEN = re.compile(r"\b(but now|since then|since seeing|after seeing|now there)\b")
# Nobody has checked yet: a clinician named, but not seen ("he refuses to go to hospital",
# "I haven't seen anyone", "waiting for a GP appointment").
NOT_CHECKED = re.compile(
    r"\b(refuses?|refused|refusing|wont go|will not go|doesnt want to go|dont want to go|"
    r"didnt want to go|not going to go|not going|didnt go|never went|havent been|hasnt been|"
    r"not been seen|not seen anyone|havent seen|hasnt seen|not yet seen|not seen a|"
    r"cant get an appointment|cant get in|no appointment|waiting for an? (appointment|gp|doctor)|"
    # ("cant get a gp appt till next week anyway")
    r"cant get an? (gp |doctor |doctors )?(appt|appointment)|"
    r"waiting to see|waiting list|too scared to go|rather not go|"
    r"(dont|doesnt|didnt|wont) want to (bother|trouble|waste)|(make|making) a fuss|"
    # put off until later: "nurse in charge say we wait for GP round tomorrow"
    r"wait (for|till|until|til) (the |a |our |my |his |her )?"
    r"(gp|doctor|doc|doctors|morning|tomorrow|monday|appointment|surgery)|"
    r"(leave it|hold off) (till|until|til) (tomorrow|monday|the morning))\b"
)
# Who or what is called for help in an emergency: "called 999", "ringing for an ambulance".
_EMERGENCY_CALLED = (
    r"(an ambulance|the ambulance|999|911|112|000|ems|emergency services|the paramedics)\b"
)
# Help told as already on its way ("the ambulance is coming", "we're at a&e now", "I've called
# 999"): told now, not in a story, so a past call ("in 2019 they called an ambulance") is not it.
HELP_COMING = re.compile(
    r"\b(?<!no )(ambulances?|paramedics?|ems|help) (is |are |s |re )?"
    r"(on (its|their|the) way|coming|en route|on route|here|outside)\b"
    r"|\b(ive|weve|hes|shes|theyve|have|has|just|already) (just |already )?"
    r"(called|rang|rung|phoned|dialled|dialed) (for )?"
    + _EMERGENCY_CALLED
    + r"|\b(on (my|our|the|his|her|their) way (to|into)|heading to|"
    r"(were|im|we are|i am|hes|shes|theyre) (now |already |just )?(at|in|going to)) "
    r"(a ?& ?e|a and e|a n e|the er|the emergency room|the emergency department|casualty)\b"
    # agreeing to go, or taking someone in: "ok ok we'll go", "taking him in now"
    r"|^\W*(ok|okay|alright|fine|right)\W+((ok|okay|fine|then)\W+)?(well|we will|ill|i will) go\b"
    r"|\b(taking|driving) (him|her|them|me|mum|mom|dad) (in|to (a ?& ?e|hospital|the hospital|"
    r"the er))( now)?\b"
    r"|\bwaiting (for|on) (the |an )?(ambulance|paramedics)\b"
    # the call being made now: "my husband is ringing 999 now", "she's ringing for an ambulance
    # now", "ok ringing now"
    r"|\b(is|are|am|im|were|hes|shes|theyre) (now |just )?(ringing|calling|phoning|dialling|"
    r"dialing|on the phone to) (for )?"
    + _EMERGENCY_CALLED
    + r"|^\W*((ok|okay|alright|right|yes|yeah)\W+)?(im |were |i am |we are )?(ringing|calling|"
    r"phoning|dialling|dialing)( them| it| 999| 911| 112| 000| an ambulance)? now\b"
)
# A clinician or a place to be seen named anywhere in the message.
CLINICIAN_NAMED = re.compile(r"\b" + _CLINICIAN + r"\b")
# Words that put the symptom back in the present despite a past cue ("used to ... but now").
# "Now it's just a dull ache" tells what is left instead: no "now" that goes on "just"/"only".
STILL_HAPPENING = re.compile(
    # ("still walks fine" says the opposite; "rear ended while standing still" is no "still")
    # ("afraid of falling again" fears a fall, it tells nothing happening)
    r"\b(but now|now (i|im|ive|my|its|it|the|both|theres)(?! (just|only)\b)|"
    r"(?<!of falling\s)(?<!of falling over\s)(?<!of it happening\s)again|"
    r"(?<!standing )(?<!sitting )(?<!lying )(?<!stood )(?<!stand )(?<!keep )(?<!sat )(?<!sit )"
    r"(?<!lie )"
    r"still(?! (walks|walking|gets about|getting about|is|doing|does|goes) "
    r"(fine|well|ok|okay|great|about))|today|"
    r"this morning|tonight|"
    r"lately|recently|getting worse|worse now|these days|keeps coming back|comes and goes|"
    # the present, told as how some days go: "lost my job last month... some days i dont want
    # to be here anymore"
    r"some days|most days|"
    r"on and off|its back now|came back again|"
    r"since (yesterday|last night|this|" + _WEEKDAY + r"))\b"
)
# The time an all-clear is told for, right after it: "walking normally again tonight".
ALL_CLEAR_TIME = re.compile(r"^\s*(now|today|tonight|this (morning|afternoon|evening))\b")
# A sign told as long-standing, not new since the back pain ("for years", "since my diabetes").
LONG_STANDING = re.compile(
    r"\b(for (many |several |a few |a couple of |some |\d+ |two |three |four |five |ten )?"
    r"(years|yrs|decades)|long[- ]standing|long[- ]term|chronic|always had|all my life|"
    r"since i was (young|little|a (kid|child|teen(ager)?))|diabetic|diabetes|neuropathy|"
    r"since my (diabetes|diagnosis|stroke|ms))\b"
)
# A resolution denied: "it never fully went away", "hasn't settled down".
NOT_OVER = re.compile(
    r"\b(never|not|hasnt|havent|didnt|isnt|wont|not yet)( (really|fully|completely|quite))? "
    r"(healed|went away|settled|cleared up|got better|recovered|resolved)\b|"
    # a change from before, not an end: "things don't feel the way they used to"
    r"\b(the way|like|as well as|as much as) (it|they|i|she|he) used to\b|"
    # a purpose, not a past: "the rods and screws used to hold the bones together got infected"
    r"\bused to (hold|fix|keep|support|stabilise|stabilize|secure|fuse|join|attach|repair)\b|"
    # what could be done before, now less: "I used to manage 2 km before my calf went tingly"
    r"\bused to (manage|be able to|walk|run|cycle|swim|lift)\b|"
    # stiff, not mended: "tight ankles, fairly fixed shoulders"
    r"\b(fairly|pretty|quite|very|really|a bit) fixed\b|"
    # the feeling is what never came back
    r"\b(feeling|sensation)( has| had| just)? (never|not) (came|come|returned)\b"
)
# Numbness whose feeling never came back, told across a clause: "my leg was numb, like when you
# sit on it funny but it never came back" (a sign that never came back again is over).
FEELING_NOT_BACK = re.compile(
    r"\b(numb|numbness|dead|asleep|to sleep|no feeling)\b[^.?!]{0,50}\bit( has| just)? never "
    r"(came|come) back\b"
)
# Words that make a long-standing sign new again ("diabetic, but since yesterday both legs...";
# "now rapidly spreading"). "Nothing new" denies a change ("weak for years... nothing new with
# her").
NEWLY = re.compile(
    r"\b((?<!nothing )(?<!not )(?<!no )new(?! normal)|newly|sudden|suddenly|just started|"
    r"started|rapidly|spreading|"
    # a recent change told after the old trouble: "numb feet for years from the diabetes but
    # these last few days its both legs going numb"
    r"(these |the )?(last|past) (few|couple of|2|3|two|three) days|this week|since yesterday|"
    r"since last night|since this morning)\b"
)
# How many words a closing question needs to ask something of its own: "is ok I exercise?" does,
# "why?" and "right?" do not.
QUESTION_OF_ITS_OWN_WORDS = 3


def closes_with_a_question(normalised: str) -> bool:
    """The last of two or more sentences asks something in words of its own."""
    sentences = re.split(r"(?<=[.!?])\s+", normalised.strip())
    return (
        len(sentences) >= 2
        and sentences[-1].endswith("?")
        and len(sentences[-1].split()) >= QUESTION_OF_ITS_OWN_WORDS
    )


INTERROGATIVE_START = re.compile(
    r"^\s*(what|whats|is|are|can|could|does|do|how|when|which|should|why|would|will)\b"
)
# A time well under six weeks, told as how long the pain has lasted: "about 10 days",
# "2 wks", "a few days"; with no longer time and nothing told as worse (WORSE_TOLD) beside it.
SHORT_TIME = re.compile(
    r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|"
    r"a couple of|a couple|couple of) days?\b|"
    r"\b(1|2|3|4|a|one|two|three|four|a few|a couple of|a couple|couple of) weeks?\b"
)
# The day the pain started, days back, told unasked: "did a long hike last saturday and since
# then...", "sore since monday". (A time alone dates anything: "I saw the physio yesterday",
# "it was nearly better a couple of weeks ago".)
STARTED_DAYS_AGO = re.compile(
    r"\bsince (yesterday|the weekend|last weekend|last week|this week|(last )?" + _WEEKDAY + r")\b|"
    r"\b(yesterday|last week|(last|on|this past) (" + _WEEKDAY + r"|weekend))"
    # (an aside may stand between: "on sunday (2:14, not bad for 44), and ever since"; an aside
    # with a sentence-ending mark in it is not read across; "a new mattress last week and my
    # back has been achy ever since")
    r"[^.?!]{0,120}?(,? and (ever )?since( then)?|\bever since)\b"
)
# A message that opens where the one before it stopped, with where the symptom goes: "down
# both legs", "into my bum and groin", "and both feet" (after "shooting pain").
CARRIES_ON = re.compile(
    r"^\W*(and |also |plus )?(down|into|in|to|through|across|round|around|both|all down|"
    r"right down|all the way down|going down|goes down|spreading|spreads)\b|"
    # how far, told as the next piece: "my left leg" / "gone num" / "like the whole leg since i
    # woke up"
    r"^\W*like (the |my |his |her )?(whole|entire|full)\b"
)
# A message that stops mid-sentence, typed as one fragment of several: a bare body part ("my
# left leg", "so my hip") or a verb left hanging on its particle or preposition ("fell off", "it
# goes into"). The message after it goes on with the same sentence. (Not one word: "deadlifts"
# / "my lower back gets sore after" is a topic, then its story.)
STOPS_MID_SENTENCE = re.compile(
    r"^\W*((so|and|but|um|well|n)\s+)?(my|his|her|me|mums?|dads?)\s+((left|right|lower|upper|low)"
    r"\s+)?(back|hip|hips|leg|legs|foot|feet|bum|bottom|groin|knee|side|thigh)\W*$|"
    r"^\W*[a-z']+(\s+[a-z']+){0,3}\s+(off|from|of|onto|into|down|with|through)\W*$"
)
# ...and a message that goes on with the one before it with an "and": "since fri" / "and i
# havent peed". (Not a time alone: "lower back pain" / "for 9 wks now" is the screening's
# answer, and its referral comes when the screening asks.)
GOES_ON = re.compile(r"^\W*(and|n|&)\s")
LONGER_TIME = re.compile(
    # (an age is no time it has lasted: "a 44 year old mum")
    r"\b(months?|(years?|yrs?)(?![ -]?old)|"
    r"since (last|the) (year|summer|winter|spring|autumn|christmas|xmas)|"
    r"([5-9]|[1-9]\d|five|six|seven|eight|nine|ten|several|many) weeks?)\b"
)
# Morning stiffness told as lasting minutes, under half an hour: "maybe 5 minutes", "5-10 min",
# "a few mins then fine", "gone by the time I've showered".
SHORT_STIFFNESS = re.compile(
    r"\b(([1-9]|1\d|2\d)( ?- ?([1-9]|1\d|2\d))?|a few|few|a couple of|couple of|one|two|"
    r"three|four|five|ten|fifteen|twenty) ?(min|mins|minute|minutes)\b|"
    r"\bgone by the time\b"
)
# ...and longer: half an hour or more.
LONG_STIFFNESS = re.compile(
    r"\b(hours?|hrs?|half an hour|all morning|till lunch|until lunch|([3-9]\d|thirty|forty|"
    r"forty five|sixty|ninety) ?(min|mins|minute|minutes))\b"
)
WORSE_TOLD = re.compile(
    r"\b(worse|worsening|not (getting )?better|not improving|no better|cant (do|work|walk|sleep)|"
    r"stopping me|stops me|still)\b"
)
# A request that opens a message: "just give me a plan pls, no numbness no fever".
REQUEST_START = re.compile(
    r"^\s*(just |pls |plz |please |ok |so )*(give|send|show|teach|tell) (me|us)\b|"
    r"^\s*(i|we) (just )?(want|need|would like)\b|^\s*id like\b"
)
# A question asking what causes a sign, with no one named ("what can cause severe lower back
# pain and leg weakness?"): people ask the cause of what they feel, so whether it is happening
# to the writer now is asked, not assumed either way.
ASKS_ITS_CAUSE = re.compile(
    r"^\s*(so |and |but )?(what|whats)( is| are| could| can| might| would| may)?( be)?( the)?"
    r"( likely| possible| usual| main| most likely)? (cause|causes|causing)\b"
)
# A sign ticked off with a no right after it, standing on its own: "fever no", "fever nah,
# weight loss no"; "bladder no control" and "numb no matter what" go on, and are no denial.
# A body's function told normal right after its word: "peeing and pooping are normal", "wee
# is fine". Only those words: "the motorbike is fine but my back is killing me" tells a crash.
FUNCTION_WORDS = frozenset(
    {
        "pee",
        "peeing",
        "wee",
        "weeing",
        "urine",
        "poo",
        "pooing",
        "pooping",
        "bladder",
        "bowels",
        "bowel",
        "waterworks",
        "toilet",
    }
)
TOLD_NORMAL_AFTER = re.compile(
    r"^\s*(and \w+ )?(is|are|was|were|seems?|feels?)( all| totally| completely| perfectly| still)? "
    r"(normal|fine|ok|okay|good)\b"
)
# A checklist item's no, typed after it: "fever no", "numb? nope".
_TICKED_NO = r"(no|nah|nope|none|negative)"
DENIED_AFTER = re.compile(
    # ...or read back as a question first: "numb? no.", "Q: numbness? A: no"
    r"^\s*\?*\s*[:\-–]?\s*(a:\s*)?" + _TICKED_NO + r"\s*([.,;!?)\n]|$|and\b|lol\b|haha\b)|"
    # ...or taken back at once: "it wakes me up every night - wait no, sorry, I mean the baby",
    # "stiff every morning for like an hour - ok not an hour, more like 10 minutes"
    r"^\s*[,:\-–]?\s*((wait|hang on|oh)[,.]? (no|nope|sorry)|ok(ay)?,? not)\b"
)
# A checklist line answered no after its colon ("- trouble peeing or leaking: no", "bowel
# control: no change", "Bladder? fine", which normalise writes "bladder: fine"): the answer
# at the line's end denies every sign its label names.
DENIED_AT_LINE_END = re.compile(
    # (a question and answer typed as "Q: numbness? A: no")
    r"^[^:\n.?!]{0,60}:\s*(a:\s*)?(no|nope|nah|none|negative|nil|not applicable|no change|"
    r"no changes|unchanged|"
    r"fine|normal|ok|okay|all good|all fine|none of these)\s*(\n|\.|,|;|$)"
)
# A question asked without a question mark: "no numbness, peeing is normal. can i still go gym"
ASKED_WITHOUT_A_MARK = re.compile(
    r"(^|[.!,;]\s*|\b(and|so|but) )(can|could|should|shall|will|would|do|does|is|are|am) "
    r"(i|you|it|that|this|we|they|he|she)\b|(^|[.!,;]\s*)(what|how|why|when|which|where)\b"
)
# A checklist item read back as a question and answered no ("numb? no"): no question asked.
READ_BACK_DENIAL = re.compile(r"\?+\s*" + _TICKED_NO + r"\b")
# The signs read back as a question, then denied: "numb bits, pee trouble, weak legs? nope,
# zero, zilch".
LISTED_THEN_DENIED = re.compile(
    r"^[^.?!]{0,60}\?+\s*(" + _TICKED_NO + r"|zero|not at all|none of (them|those|that))"
    r"\b(?! (idea|clue|way)\b)"
)
# A "what" that opens a told clause, not a question: "What was initially diagnosed as sciatica
# has subsequently been diagnosed as osteomyelitis."
WHAT_WAS_TOLD = re.compile(
    r"^\s*what (was|had been|were|started as) (initially |first |originally |at first )?"
    r"(diagnosed|thought|called|treated|put down|written off|dismissed)?( as| to be)?\b[^?]*$"
)
# Someone who has the symptom: the writer or a person they speak for, or a symptom pointed
# at as one's own ("what is this burning between my shoulder blades?").
SOMEONE_HAS_IT = re.compile(
    r"\b(i|im|ive|id|my|me|myself|he|she|hes|shes|his|her|him|they|their|we|our|us)\b|"
    r"^\s*(what|whats|why)( is| could| would| does| can)?( cause)? this\b"
)
# Years back: an event told this way (a fall, a crash) is history, not a new injury. "when I
# was 12" is an age; "when I was 4' up" or "6 feet up" is how high the ladder was.
YEARS_AGO = re.compile(
    r"\b((\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"few|several|many|couple of) (years?|yrs?|decades?) (ago|from the|since the|since a|since an|"
    # ("bursitis entered my life a couple of years after i was hit by a car")
    r"since my|after the|after (i|he|she|we|they|my|his|her|our)\b)|"
    r"years ago|years back|decades ago|"
    # the accident as a time gone by since: "the longest flight I have taken since my last car
    # accident"
    r"since (my|his|her|our|the) (last|previous|first) (car |road |bike |motorbike )?"
    r"(accident|crash|wreck)|"
    # the first of several: "when I was in my first car accident, discs were herniated;
    # additional discs herniated in my second and third"
    r"(in|after|from) (my|his|her|our) first (car |road |bike |motorbike )?(accident|crash|wreck)|"
    r"as a (kid|child|teen(ager)?)|"
    r"when i was (\d+(?![\d'’]|\s*(ft|feet|foot|metres?|meters?|m|up)\b)|"
    r"young|little|a kid|a child|younger|a teenager|"
    # ("once when i was about ten a mean pony... kicked me")
    r"(about |around )?(five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)|"
    r"in my (teens|twenties|thirties))|"
    # a decade of life the story started in: "my back trouble started in my 20's", "daily back
    # pain since my late 20s"
    r"(started|began|starting|beginning|since) in my (late |early |mid )?"
    r"(teens|twenties|thirties|forties|20s|30s|40s)|"
    r"since my (late |early |mid )?(teens|twenties|thirties|forties|20s|30s|40s))\b"
)
# A story dated long ago by the teller looking back from today, before the event in it:
# "About five years ago my dad fell off a ladder", "the Fall From Grace that occurred almost a
# year ago". Later sentences are in that time until a nearer one is told. A calendar date is
# not enough: a story told from "On October 21st 2013 I decided..." is told as it happened.
STORY_LONG_AGO = re.compile(
    YEARS_AGO.pattern + r"|\b((almost|about|nearly|over|more than|just over) a year ago|"
    r"(some|many|several) years (back|ago)|"
    # a day remembered: "I will never forget the day that I woke up... I fell to the ground"
    r"(will|ill|shall|can) never forget (the day|the morning|the night|the moment|the time|when))\b"
)
# What tells the story has reached today: a nearer time, or the sign told in the present.
NOW_TOLD = re.compile(r"\b(cant|cannot|im|i am|is|are|am|hurts|keeps|now)\b")
# The person's own hip, named in a long story (bot_extensions/earlier_messages.py)
HIP_NAMED = re.compile(r"\bmy (left |right |new |replaced |bad |sore )?hip\b")
# A recent time in the same sentence: "years ago... and yesterday I fell off the roof".
RECENT = re.compile(
    r"\b(yesterday|today|tonight|this (morning|afternoon|evening|week)|last (night|week)|"
    r"just now|(an|\d+|a few|few|two|three) (hours?|days?) ago|"
    r"(on|last) " + _WEEKDAY + r")\b"
)
# A death told of someone in the story ("On the 10th of November, my dear old mum passed off
# this mortal coil"; "the sweetest man who passed away from pancreatic cancer").
DEATH_TOLD = re.compile(
    r"(?<!nearly )(?<!almost )(?<!could have )(?<!thought i )(?<!thought he )(?<!thought she )"
    r"\b(passed away|passed on|passed off this mortal coil|has died|had died|died (of|from|in|"
    r"last|on|at|peacefully|suddenly)|"
    # the death dated, then its cause: "My father died more than 4 years ago from pancreatic
    # cancer"
    r"died( \w+){1,4} ago (of|from)|succumb(ed|ing) to|lost (my|our|his|her) (\w+ )?(dad|father|"
    r"mum|mom|mother|husband|wife|son|daughter|brother|sister|nan|gran|grandma|grandpa|"
    r"grandmother|grandfather|papa|mama|partner) (to|last|in)|at (his|her) funeral)\b"
)
# The writer's own pain now, anywhere in the message: a bereaved writer's own signs are theirs.
WRITERS_OWN_PAIN = re.compile(
    r"\bmy (lower |upper |low |own |left |right )?(back|hip|hips|spine|neck|leg|legs|bum|"
    r"bottom|buttock|tailbone)\b|"
    r"\bi (have|ve|get|got|am having|m having|keep getting|still have) (\w+ ){0,3}(pain|ache|"
    r"aches|aching|numbness|tingling|sciatica)\b|\b(im|i am) (in pain|sore|aching|hurting)\b|"
    # ...or a condition of their own: "I was recently diagnosed as having an aneurysm"
    r"\bi (was|have been|ve been|am|m|got) (recently |just |now )?diagnosed\b"
)
# A relative's illness feared by the writer for themselves: "my sister was just diagnosed with
# ankylosing spondylitis and now im lying awake googling whether i have it too".
FEARS_IT_TOO = re.compile(
    r"\b((whether|if) i (have|ve got|have got|could have|might have) it|(it|its|it's) "
    r"(gonna|going to) be me next|happen(s|ing)? to me (too|next)|"
    # "my uncle... went down both legs and he couldnt pee — what if that happens to me??"
    r"what if (that|it|this|the same) (happens|happened|happen) to me|"
    r"i (could|might) have (it|the same)|"
    # "im 36 and terrified im going to get it too"
    r"(im|i am|i will|ill) (going to |gonna )?(get|develop|end up with) (it|that|this)"
    r"( too| as well)?|"
    # "I recently found out a friend has a cancer and so this scared me to go and get it checked"
    r"(this|that|it) (scared|worried|frightened|freaked) me|"
    # the relative's condition, then the writer's worry: "my sister has ankylosing spondylitis
    # so i got worried and googled it"
    # ("so now I'm scared: I tweaked my back lifting")
    # "my neighbour had the cauda equina and operation, now I am scared. Is same for me?"
    r"\bnow (im|i am) (scared|worried|afraid|terrified|frightened)\b|"
    # "I'm frightened sick the same will happen to me"
    r"\bthe same (will|could|might|would|is going to|is gonna) happen to me\b|"
    r"\b(is|is it|its|is that) (the )?same (for|with) me\b|"
    # "now MY back hurts and i cant stop crying thinking its the same thing"
    r"\b(thinking|think|worried|scared|afraid|terrified) (its|it is|it could be|it might be|"
    r"i have|ive got|i have got) (the same|it)\b|"
    r"\bso( now)? (i|im|i am|i was|i got|ive been|i have been|i get|i'm)"
    r"( a bit| a little| really| kinda|"
    r" kind of| quite| very| super| so| getting| now)? (worried|scared|paranoid|nervous|anxious|"
    r"freaked out|panicky|panicking|concerned|worrying)|"
    # the relative's illness feared for the writer's own pain: "could my back pain be cancer"
    r"could (my|this) (back |hip |neck )?(pain |ache )?(be|b) (it|cancer|the same)|"
    # the writer's own future set against the relative's: "am I going to end up like her??",
    # "so I want to keep mine healthy"
    r"end(ing)? up like (her|him|them|my (mum|mom|mother|dad|father|wife|husband|gran|nan|"
    r"grandma|grandad|sister|brother))|keep mine (healthy|strong|working|going|moving)|"
    # "can I catch this from him or get it also?"
    r"(can|could|will|might|would) i (catch|get|inherit|develop) (it|this|that)\b|"
    # "how would i even know if i got that?"
    r"how (would|will|do|can|could|should) i (even )?(know|tell)( if| whether)? i "
    r"(got|get|have|had|ve got|have got|was getting|am getting|were getting) (it|this|that)\b)\b"
)
# A relative on a treatment that weakens the body's defences, told by a writer in pain from
# looking after them: "my husband is on chemo for bowel cancer so im doing all the lifting".
RELATIVE_ON_TREATMENT = re.compile(
    # (its apostrophe dropped: "my wife's on chemo" is written "my wifes on chemo")
    r"\bmy (husband|wife|partner|dad|father|mum|mom|mother|son|daughter|brother|sister|nan|"
    r"gran|grandad|grandma|grandmother|grandfather|friend)s?( is| s| has been| was)? "
    r"(on|having|getting|started|starting|doing|in the middle of) (his |her |their )?"
    r"(chemo|chemotherapy|radiotherapy|steroids|prednisolone|immunotherapy)\b|"
    # ...or cared for through it: "looked after my mum through 18 months of chemo"
    r"\b(looked after|looking after|caring for|cared for|nursed|nursing) my \w+ "
    r"(through|during) (\w+ ){0,4}(chemo|chemotherapy|radiotherapy|treatment)\b"
)
# Someone else's emergency told with how it ended, their operation, the treatment they are on
# now or the diagnosis they were given: "my uncle ended up needing surgery when his went down
# both legs", "mum just broke her hip, she's on alendronic acid now", "my coworker just got
# diagnosed with cauda equina". Their story is in hand; only a writer's fear is left.
OTHERS_TREATMENT = re.compile(
    r"\b(ended up (needing|having|getting)|(had|needed) to have|(he|she|they) (had|needed)) "
    r"(an? )?(emergency |urgent )?(surgery|operation|op|decompression)\b|"
    # "my mate ended up in surgery for cauda equina"
    r"\bended up in (emergency )?(surgery|theatre|hospital)\b|"
    # "she's 76 and now in hospital having it pinned"
    r"\bin hospital (having|getting|to have|to get) (it|her hip|his hip|the hip) "
    r"(pinned|fixed|plated|replaced|operated on)\b|"
    r"\band (an? |the )?(emergency )?(operation|surgery)\b|"
    r"\b(shes|hes|she is|he is|theyre|they are) (now )?on [a-z]+( [a-z]+)? now\b|"
    r"\b(got|was|were|been) diagnosed\b"
)
# Someone's death from what comes next, read just before the mention: "my wife passed away
# as a result of multiple myeloma", "he died of it"; not "he nearly died of sepsis".
DIED_OF = re.compile(
    r"(?<!nearly )(?<!almost )(?<!could have )(?<!could've )(?<!might have )"
    r"\b(passed away|died|lost (his|her|their) (battle|fight))"
    # ("my father died more than 4 years ago from pancreatic cancer")
    r"( (suddenly|peacefully|last \w+|in \w+|this \w+|((more than|over|about|nearly|almost|"
    r"some) )?\w+ (years?|months?|weeks?) ago))? "
    r"(of|from|with|to|after|as a result of|because of|due to)( (a|an|the|his|her|their))?"
    # ("my dad died of a ruptured aortic aneurysm")
    r"( (multiple|metastatic|advanced|aggressive|secondary|ruptured|burst|massive)){0,2} ?$"
)
DISTANT_PAST = re.compile(
    r"\b((\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|few|several|many|couple of) (years?|yrs?|decades?|months?) ago|years ago|"
    # ("worse than last month" compares; "since last year" and "the last month its been
    # getting worse" run to now)
    r"months ago|ages ago|(?<!than )(?<!since )(?<!the )last (year|month)|"
    # ("a while ago I posted about..." dates the post, not the sign)
    r"(a (good |long )?while|some time) (back|ago)(?! i (posted|wrote|asked|mentioned|shared))|"
    r"back when (i|we|he|she|they) (was|were|had)|"
    # one time, some time back: "my sister had a kidney infection once" (not "had an
    # accident once or twice this week", "had a fall once more")
    r"\bhad (a |an )?(\w+ ){1,3}once(?! (or|a|an|every|in|this|today|yesterday|last|more|again|"
    r"before|since|when)\b)|"
    # "last March", not "since last March" (until now)
    r"(?<!since )last (january|february|march|april|may|june|july|august|september|october|"
    r"november|december|spring|summer|autumn|fall|winter)|"
    r"when i was pregnant|during my pregnancy|"
    # events counted over years: "the two car wrecks I have had in the last 4 years"
    r"(in|over|during) the (last|past) (\d+|two|three|four|five|six|seven|eight|nine|ten|few|"
    r"several|couple of) (years|yrs|decades)|"
    # the story before an operation that is done: "before surgery, I had slowly lost..."
    r"(before|leading up to|in the run up to|in the run-up to) (my |the |his |her )?"
    r"(surgery|operation|op|microdiscectomy|discectomy|laminectomy|fusion)|pre-?op|"
    # "before" opening the sentence, as "in the past" (a learner's English): "before i have
    # numb down there" (not when the sentence turns to now: "before i have always pain in
    # low back, but this one is different")
    r"^before,? (i|he|she) (have|had|has)\b(?![^.?!]*\b(but this|this one|this time)\b)|"
    r"as a (kid|child|teen(ager)?)|when i was (young|little|a kid|a child|younger|"
    # ("since 2019" runs to now: "prednisolone daily, been on that since 2019")
    r"in my (teens|twenties|thirties))|long time ago|years back|"
    # a time told before, taken up again: "was for sciatica down both legs back then"
    r"(?<!my )(?<!his )(?<!her )(?<!the )(?<!upper )(?<!lower )(?<!low )(?<!mid )(?<!middle )"
    r"back then|in those days|(?<!since )(19|20)\d\d|"
    # an age then: "I was only 42 when... I fractured my spine"
    r"when (i|he|she) was (only |just )?\d\d|(i|he|she) was (only |just )?\d\d when|"
    # the age in words: "when I was seventeen, I fell off a horse and broke my back"
    r"when (i|he|she) was (only |just )?(thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|forty)|"
    # a date written with its year: "a car accident on 2/15/05"
    r"\d{1,2}/\d{1,2}/(\d\d|(19|20)\d\d))\b"
)

# A date that a sign has lasted since, which runs to now: "has had severe pain since Dec. 2006"
# (its year alone would date the sign as long ago).
SINCE_A_DATE = re.compile(r"\bsince (\w+\.? ){0,2}(19|20)\d\d\b")


def tells_distant_past(text: str) -> bool:
    """Dated years or months back ("in 2003", "years ago"); a date something has lasted
    since runs to now and dates nothing."""
    return bool(DISTANT_PAST.search(SINCE_A_DATE.sub(" ", text)))


# The writer telling a relative's history as their own family history, and not their own:
# "my dad had prostate cancer... given my family history", "I've never had cancer myself".
# A body part told fine right after it: "my own back is fine".
_NOT_FINE = r"(?! (is|feels|s|has been) (fine|ok|okay|good|great|alright|all right)\b)"
FAMILY_HISTORY = re.compile(
    r"\b(family history|never had (it|cancer|one) myself|"
    r"(ive|i have|i|me|personally|i myself|me myself) never had cancer|"
    # the person the message is about, told by their carer: "his dad had prostate cancer, but
    # he's never had cancer himself"
    r"never had (it|cancer|one) (himself|herself|themselves)|"
    # "its him with the cancer not me lol, ive never had it"
    r"with (the )?cancer,? not me|(ive|i have) never had it\b(?! before)|"
    r"(he|she|hes|shes)( has| s)? never had cancer|"
    r"no history of cancer myself|no cancer history myself|"
    r"(ive|i have) not had cancer|i havent had cancer|"
    # a relative who died of it: "his dad died of bowel cancer at 60"
    r"(dad|father|mum|mom|mother|brother|sister|grandad|grandfather|grandma|grandmother|nan|"
    r"uncle|aunt|auntie|husband|wife|partner) died (of|from)|"
    # the writer's own pain set against the relative's history: "so im paranoid about my own
    # back pain... mine started after moving house"
    # ("my own back is fine, I'm just the worried mum" turns to nobody's pain)
    r"my own (lower |low )?(back|hip|spine)" + _NOT_FINE + r"|mine started)\b"
)

# A relative's history told by a writer who is in pain themselves ("my mom had bowel cancer
# and hers started with back pain... I'm 29 and now it hurts when I twist"), while nothing is
# said of the relative's own back: the history is the writer's worry, not a sign of theirs.
WRITER_IN_PAIN = re.compile(
    # ("my waist is very pain": the lower back, in words translated from another language)
    # (its apostrophe dropped: "my back's sore" is written "my backs sore"; or with no "my" at a
    # sentence's start: "lower back and hips feel stiff after my runs")
    r"(\b(my (lower |low |upper |mid |middle )?(back|hip|hips|spine|neck|side|waist)s?|i|im|ive)\b|"
    r"(^|[.!?]\s+)(lower |low |upper )?(back|hips?)\b)"
    r"[^.?!]{0,40}\b(hurts?|hurting|aches?|aching|achy|achey|sore|pain|painful|twinge|twinged|stiff|"
    # ("without my back complaining", "my stiffness in the morning")
    r"stiffness|complaining|complains|playing up|screaming|"
    r"kills|killing|killin|"
    # a back worn out by caring: "my back's shot from all the lifting", "done my lower back in"
    r"shot|wrecked|knackered|in bits|destroyed|done in|"
    r"pulled|tweaked|strained|put it out|put my back out)\b|\bit hurts when i\b|"
    r"\b(done|did|doing) my (lower |low )?back in\b|"
    # "I am currently suffering from an unfortunate case of lower back pain"
    r"\b(i|im|ive)\b[^.?!]{0,60}\b(back|hip|neck) (pain|ache)\b"
)
# A small child's illness told with the writer carrying them: "been up all night with my little
# one, she had a temp of 39 and I was carrying her round the house" is the child's fever and
# the parent's back.
CARRIED_CHILD = re.compile(
    r"\b(little one|baby|toddler|newborn|little girl|little boy)\b[^.?!]*"
    r"\b(carrying|carried|lifting|lifted|holding|held|rocking|rocked|walking) (her|him|them)\b|"
    # the child one of a list of things lifted: "all the lifting (car seat, pram, a toddler who
    # wants carrying everywhere)"
    r"\b(lifting|carrying)\b[^.?!]{0,10}[(:][^.?!)]{0,40}\b(toddler|baby|little one|newborn)\b|"
    # lifting the child told with the writer's own back: "cant lift the baby out of the cot
    # without my lower back screaming, and the toddler wants carrying everywhere"
    r"\b(lift|lifting|carry|carrying|pick up|picking up)( up)? (the|my|our) "
    r"(baby|toddler|little one|newborn)\b[^.?!]{0,40}\bmy (lower |low )?back\b|"
    # how to lift the child, asked: "how should I pick up my toddler without hurting my back?"
    r"\bhow (do|should|can) i (pick up|lift|carry)\b[^.?!]{0,12}"
    r"\b(toddler|baby|little one|newborn)\b|"
    # nursing the sick child: "my sons had a fever all week so ive been up and down the stairs
    # with him", "ended up sleeping curled up in her little bed to keep an eye on her"
    r"\b(sons?|daughters?|kids?|child|little one|baby|toddler)\b[^.?!]*"
    r"\b(up and down the stairs with|sleeping (curled up )?in|looking after|nursing|"
    # "my little one has had a fever since last night so ive been up with her"
    r"up all night with|sat up with|been up with|keep an eye on) (him|her|them|his|their)\b"
)
# The writer told as unwell too: "now I have a fever too"
SELF_UNWELL = re.compile(
    r"\b(i|im|ive)\b[^.?!,]{0,20}\b(fever|feverish|temp|temperature|shivers|shivery|shivering|"
    r"burning up|sweats|sweating|unwell|poorly)\b"
)
# The writer turning from someone else to their own back: "me, I just get a stiff back", "as
# for me", "my own back".
TURNS_TO_OWN_BACK = re.compile(
    r"(^|[.!?,;]\s*)(me|as for me|and me|myself)\s*,?\s*(i|im|ive|my)\b|"
    r"\bmy own (back|lower back|hip|hips)\b" + _NOT_FINE
)
OTHER_IN_PAIN = re.compile(
    # (not where the relative's illness was: "my dad had cancer in his spine")
    r"(?<!cancer in )(?<!tumour in )(?<!tumor in )"
    # (nor where it spread: "cancer that spread to her spine")
    r"(?<!spread to )(?<!spread into )"
    # (nor the part an injury or an operation was told of: "she broke her hip", "had his hip
    # replaced"; the pain after it is told in its own words)
    r"(?<!broke )(?<!broken )(?<!fractured )(?<!had )(?<!replaced )"
    # (or the bone broken in it: "broke a bone in her back")
    r"(?<!a bone in )(?<!bones in )(?<!fracture in )(?<!vertebra in )"
    r"\b(her|his|their) (lower |low |upper |mid |middle )?(back|hip|hips|spine|legs?)\b|"
    r"\b(she|he|they|shes|hes|theyre|theyve) (is|are|has|have|says|said|keeps|complains|got|"
    r"been|in)?\b[^.?!]{0,30}"
    r"\b(pain|hurt|hurts|ache|aches|sore|agony)\b"
)
# The signs just told, denied as a whole: "numbness between the legs, not being able to wee...
# none of that has happened", "I have (thankfully) never had anything like that". Not "none of
# that has happened before" (a first time).
DENIES_BACK = re.compile(
    r"\b((none of (that|those|these|them|it)( has| have)? (happened|ever happened)|"
    r"never had (anything|any of) (like )?(that|those|these|them)|nothing like that (has )?"
    r"(happened|ever happened)|never had anything like that|none of (that|those) (applies|apply)|"
    r"none of (that|those|it) (has|have) changed|"
    # "...people going numb down there and legs going weak. nothing like that for me"
    r"(nothing|none of (that|those|it)) (like (that|this) )?(for|with) me|"
    # "i read your page on cauda equina... i dont have any of that"
    r"(i |he |she )?(dont|do not|doesnt|does not|havent|have not|hasnt|has not) (have|got|had) "
    r"any of (that|those|these|them|it))"
    r"\b(?! (before|until|till))|"
    r"none of (that|those|these|them) ?(,|\.|!|thank\b|thankfully\b|luckily\b|at all\b)|"
    # the sign said in jest and taken back: "legs gone numb lol jk, it's just my back"
    r"(just|only|im|i am) (kidding|joking)|\bjk\b)"
)
# The other person told free of pain: "my dad had prostate cancer... he has NO back pain at
# all". Their history then bears on no pain of theirs now.
OTHER_HAS_NO_PAIN = re.compile(
    r"\b(he|she|they|hes|shes|he's|she's)( has| have| s)? (no|not got any|got no|never had any) "
    r"(back |hip )?(pain|problems|trouble)\b|"
    r"\b(he|she|they) (doesnt|does not|dont|do not|doesn't|don't) have (any )?(back |hip )?"
    r"(pain|problems|trouble)\b"
)
# Someone a clinician saw at work: "last shift I attended a 45-year-old man with urinary
# retention". Someone else (OTHER_PERSON), and, just before the sign, a patient in care already.
_SEEN_AT_WORK = (
    r"\b(attended|treated|examined|assessed) (a|an|this) (\d+[- ]?(year|yr)[- ]?old |elderly |"
    r"young |older )?(patient|man|woman|lady|gentleman|chap|guy|bloke|boy|girl)\b"
)
SEEN_AT_WORK = re.compile(_SEEN_AT_WORK + r"[^.?!]*$")
# The writer told apart from someone else's history, and well: "question for my mum, not me:
# she has osteoporosis... I'm 30 and fine, never injured".
WRITER_NOT_CONCERNED = re.compile(
    r"\b(for|about) (my|a|our) (\w+ ){0,2}\w+,? not (for |about )?me\b|"
    r"\b(im|i am)( \d{1,2})?( and| but)? (fine|well|healthy)\b|"
    # the writer's own set against it: "mines nothing like that tho", "I have none of his
    # symptoms"
    r"\bmine( is|s)? (\w+ )?nothing like (that|it|his|hers|theirs)\b|"
    r"\bi have none of (his|her|their|those|these|the) (\w+ )?(symptoms|signs)\b"
)
# A sentence that is only a no: the answer to the checklist item just read out.
BARE_NO = re.compile(r"\W*(no|nope|nah|negative|not really|not at all)\W*$")
PERSON_WORDS = re.compile(r"\b(i|im|ive|my|me|he|hes|his|him|she|shes|her|we|our|they|their)\b")
# A clinician's own words about a sign: a denial of its signs by the writer does not settle it.
CLINICIAN_SAID = re.compile(
    r"\b(gp|doctor|dr|consultant|surgeon|physio|nurse|a&e|hospital|111)\b[^.?!]{0,40}"
    r"\b(said|says|thinks|suspects?|suspected|told me|diagnosed|possible|sent me)\b|"
    r"\b(diagnosed|suspected)\b"
)
# The answer to another question, told while a check question waits: only where in the back
# it hurts ("lower back, left side"), or only a mild pain score ("4 from 10"). It tells nothing
# of the signs the check asks about. (Not "both sides", which may be both legs, nor a strong
# score, which may be the severe pain asked about.)
WHERE_IN_THE_BACK_ONLY = re.compile(
    r"^\W*(((its|it is|mostly|mainly|just|only|in|my|the) )*"
    r"((lower|low) )?(back|spine)"
    r"(,? (on )?(the )?(left|right|one) side|,? (right |just )?(in )?(the )?middle|"
    # the side it leans to: "my lower back, more on the right", "centre, bit more on the left"
    r",? ((a )?bit |slightly |mostly |mainly |more |worse )+(on )?(the )?(left|right)( side)?|"
    r",? (right )?across (the )?middle|,? (at )?the bottom|,? (in the )?(centre|center)|"
    # the belt, the waist or the bum as the landmark: "lower back across the belt line"
    r",? (right |just )?(across|along|around|at|on|by) (the |my )?(belt ?line|belt|"
    r"waist ?line|waist|waistband)|,? (just )?above (the |my )?(bum|butt|bottom|buttocks)|"
    r",? (on )?both sides?|,? low down|"
    # how it feels, told beside where: "lower back, middle, dull ache"
    r",? (a |just a |just )?(dull |mild |slight )?(ache|aching|achy|soreness|sore))*|"
    r"(on )?(the )?(left|right|one) side( of (my|the) (lower |low )?back)?)\W*$"
)
MILD_SCORE_ONLY = re.compile(r"^\W*[0-6](\.5)? ?(/|out of|from|of) ?10\W*$")
# How long, told alone ("8 days", "since friday, 4 days", "about 2 weeks now"): the answer to
# the screening's "how long?", which a check that asks nothing of time does not ask.
_AMOUNT_OF_TIME = (
    r"((about|around|roughly|maybe|like|for|since|only|just|nearly|almost|over|under|"
    r"the last|the past|for the last|for the past|~)\s*)*"
    r"(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|"
    r"a couple of|a couple|couple of|several) "
    r"(hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)( now| or so| ago)?"
)
_DAY_IT_STARTED = (
    r"since (yesterday|last night|this morning|the weekend|last weekend|last week|this week|"
    r"last month|(last )?" + _WEEKDAY + r")"
)
_ONE_TIME = r"(" + _AMOUNT_OF_TIME + r"|" + _DAY_IT_STARTED + r")"
DURATION_ONLY = re.compile(
    r"^\W*" + _ONE_TIME + r"((\W+|\W*\b(and|or)\b\W*)" + _ONE_TIME + r")*\W*$"
)
# A check question whose own words a place in the back could answer ("is this upper or middle
# back pain...", "bad pain in your side"): there a place told is an answer.
ASKS_WHERE = re.compile(r"\b(upper|middle|side|sides|where)\b")
# A check question that asks about now or about time ("is any of this happening to you now",
# "still there now", "has this pain lasted..."): there how long is an answer ("since friday" is
# a yes to "happening now?").
ASKS_WHEN = re.compile(r"\b(now|still|since|lasted|all the time|how long|new)\b")
# Answering a check question, anything but a clear no: "not rn but it was yesterday", "it comes
# and goes", "kinda", "only when I sit". A no with a recent time is a yes.
OPENS_WITH_YES = re.compile(r"\W*(yes|yeah|yep|yup|yea|ya|aye|sadly yes|afraid so)\b")
NOT_A_CLEAR_NO = re.compile(
    r"\b(but (it was|it did|i did|i was|i had|it happened|did)|yesterday|last night|"
    r"this morning|earlier today|comes and goes|on and off|sometimes|kinda|"
    # "a bit" as the answer ("a bit", "yeah a little"), not a symptom described ("my back is
    # just a bit stiff") nor better ("its a bit better every day")
    r"^\W*(yes |yeah |yep |yh |ya )?(just )?(a bit|a little)( bit)?"
    r"(?! (better|easier|less|improved|improving|stiff|sore|achy|tight))\b|"
    r"kind of|sort of|sorta|only when|now and then|occasionally|idk|not sure|i think so|"
    r"think so|a few times|once or twice|"
    # a hedge, not a pain score's range: "no fever now... like a 3, maybe 4"
    r"maybe(?! (a )?\d)|"
    # a fall told is no clear no: "oh she did slip getting out the bath on tuesday"
    r"(did|had) (a )?(slip|fall|trip|tumble)|slipped|fell over|fell down|tripped|"
    # (landing on the feet is landing safely: "no falls at all, landed on my feet every time")
    r"landed on(?! (my|his|her|their|both|her own|his own) feet)|"
    # ...in a learner's present tense, or told small: "two days ago i slip on the wet floor,
    # small fall on my bottom"
    r"(i|she|he) (slip|fall|trip)\b|(small|little|minor) (fall|slip|tumble)|"
    # the help refused, not the sign denied: "naw am no goin tae a&e on a saturday night"
    # (normalise spells "goin" as "going" and "cannot" as "cant")
    r"(not|no|nae|never|wont|cant|cyaan|aint) (going|gonna|go|going to|go to|going tae) "
    r"(a ?& ?e|a and e|hospital|the hospital|er|the er|casualty|emergency)|"
    r"(not|no|nae|never|wont|cant) (calling|ringing|phoning|call|ring|phone) "
    r"(an ambulance|999|911|112))\b"
)
# Some of something told: "no falls... just a bit stiff" is no plain no, though no yes either.
SOME_OF_IT = re.compile(r"\b(a bit|a little|bit of|little bit)\b")
# A hedge asked back as the answer itself: "sometimes? it kinda comes back when i sit". The
# question mark is the voice of the hedge, not a question about the check.
HEDGE_ASKED = re.compile(
    r"\W*(sometimes|maybe|kinda|kind of|sort of|sorta|a bit|a little|i think so|think so|"
    r"occasionally|on and off|not sure|idk|possibly|probably)\s*\?+"
)
# Pain told as lasting: what the urgent checks ask about ("is this pain there all the time, worse
# at night...?"), so after a no to the rest it still answers them yes ("no chest pain, breathing
# fine. its just sore there all the time"). Not an answer to an emergency check.
LASTING_PAIN = re.compile(
    r"\b(there all the time|all the time|constant|"
    r"constantly|non stop|nonstop|never goes away|never stops|never lets up|every night|"
    r"worse at night)\b"
)
# A yes that goes on to say the sign is over: "yeah its fine now, can feel everything" answers
# "is it still there now?" with a no; the yes only takes the question in. Not with anything
# after that keeps the sign: "yeah its fine now but my foot is still numb".
YES_THEN_OVER = re.compile(
    r"^\W*(yes|yeah|yep|yup|yea|ya|aye)\b[\s,.!-]*"
    r"(its|it is|it has|thats|that is|im|i am|all|everything|everythings|everything is|its all|"
    r"it went|they are|theyre|theyve|they have)?\s*(all |totally |completely |fully |now )?"
    r"((fine|ok|okay|good|normal) now|(fine|ok|okay|good|normal) again|all good|"
    r"(back to normal|gone|passed|went away|gone away|cleared|settled)( now)?)\b"
)
# A reply that says the sign is not there now, whatever it opens with: "not since the op.
# bladder's fine, feeling's all back", "nothing like that now".
OVER_NOW = re.compile(
    # ("not since monday" tells since when it has lasted: only an end of a treatment or then)
    r"\b(not since (the |my )?(op|operation|surgery|treatment|antibiotics|injection|then|that)|"
    r"not any ?more|nothing (like that|of that|of the sort)( now| since)?|"
    r"none of (that|it|those)( now| since)|"
    r"(its|it is|thats|everything|everythings|all)( all)? (fine|normal|good|ok|okay) now|"
    r"(feeling|feelings|sensation)( is| has| has come| came)? (all )?back|all back to normal|"
    # an injury told as mended: "all healed, physio signed me off yrs ago"
    r"(all|fully|completely|totally) (healed|recovered|mended)|healed (up )?(fine|well)|"
    r"signed me off|made a (full|complete) recovery)\b"
)
# The signs a check asks about denied as a whole, a sentence's opening: "ok thats reassuring.
# none of that is happening btw, just an ache after work".
DENIED_AS_A_WHOLE = re.compile(
    # (said of the one who has them, or with relief: "I have none of those, I am pleased to say")
    # (after a plain no: "no nothing like that for me")
    r"(^|[.!,;]\s*)((no|nope|nah),? )?((i|he|she|we)( have| ve| has| s)?( got)? |"
    r"(thankfully|luckily|happily) )?"
    r"(none of (that|those|these|this|it|them)|nothing like that|nothing of the sort|"
    # nothing told beside the pain: "nothing else going on, just sore and knackered"
    r"nothing else( is)? (going on|wrong|to report|to mention))"
    r"( is| are| has been| have been)?( happening| going on)?( now| at all| to me)?\b"
)
# A question asked back about the check question itself, not about something else.
ASKS_ABOUT_THE_CHECK = re.compile(
    r"\b(why|what do you mean|what does (that|it) mean|does (it|that) matter|is (that|it) bad|"
    r"should i (be )?worr(y|ied)|what for|how come)\b"
)
# What keeps the sign after a reply that told it over: "nothing like that now, only sometimes"
# ("only my right leg, left one totally fine" keeps one leg's pain, none of the signs asked)
KEEPS_THE_SIGN = re.compile(
    r"\b(but|still|except|apart from|though|although|sometimes|"
    r"only(?! (in |down )?(my |the )?(right|left|one) (leg|side)))\b"
)
# The writer's own body named: "my bum feels numb", "my legs".
OWN_BODY = re.compile(r"\bmy\b")
# Where a sentence ends.
SENTENCE_END = re.compile(r"[.!?]+(\s|$)")
# A check question that asks whether the sign is there now ("is it still there now?"), not
# about a history ("have you ever had cancer?"), where "yeah, fine now" is a yes.
ASKS_ABOUT_NOW = re.compile(r"\b(now|still)\b")
# A check question answered with a plain no first: "no?? why", "nah". Its questions after the
# no ask about the check, they do not take the no back.
# ...or the sign told as someone else's: "not me lol, it was my dad who had it"
CLEAR_NO_FIRST = re.compile(
    r"^\W*(no|nope|nah|naw|not at all|no way|definitely not|defo not|not me|not mine|wasnt me)\b"
)
# A sign in an animal, not a person: "our dachshund has gone wobbly on his back legs".
NOT_A_PERSON = re.compile(r"\b(back|hind) legs\b")
# Just before the sign, the one it happened to is a pet ("my cat fell off our 2nd floor
# balcony") or a stranger on a screen ("watching 24 hours in A&E and a guy fell off
# scaffolding"): nobody here to send for help. (A horse is left out: its rider falls with it.)
NOT_A_PERSON_BEFORE = re.compile(
    r"\b(my|our|the|his|her|their) (\w+ )?(cat|cats|kitten|dog|dogs|puppy|pup|rabbit|hamster|"
    r"guinea pig|budgie|parrot|tortoise|dachshund|labrador|spaniel|terrier|collie|greyhound|"
    r"whippet|poodle|retriever)\s*$|"
    r"\b(watching|watched|on (the )?(tv|telly|news)|documentary|programme|episode)\b"
    r"[^.?!]{0,80}\b(a|some|this|the) (guy|man|woman|bloke|lady|girl|boy|lad|character|"
    r"contestant|patient|footballer|player)\b"
)
OTHER_PERSON = re.compile(
    # someone named by what they are to the writer: "I recently found out a friend has a cancer"
    r"\b(a|one of my) (close |good |old )?(friend|mate|colleague|coworker|workmate|neighbou?r|"
    r"relative|cousin) (has|had|was|is)\b|"
    # a parent named bare at the start, as texts go: "dad had cancer in his spine", "mums had
    # cancer twice" (mum's, its apostrophe dropped)
    r"(^|(?<=[.!?] ))(dad|mum|mom|mam|da|nan|gran|granny|grandad|grandma|grandpa|hubby)s? "
    r"(has|had|is|was|got|been)\b|"
    # ...or as a list's label: "- Dad: prostate cancer 2019, spread to his spine"
    r"(^|(?<=[.!?] )|(?<=\n))(dad|mum|mom|mam|nan|gran|granny|grandad|grandma|grandpa|hubby|"
    r"wife|husband|partner|brother|sister|son|daughter|father|mother|grandfather|"
    r"grandmother|uncle|aunt|auntie|cousin)\s*:|"
    # "me" as a possessive, in Irish and northern English: "me da had bowel cancer"
    r"\bme (da|dad|mam|ma|mum|nan|nanna|grandad|missus|brother|sister|husband|wife|son|daughter)\b|"
    # ...with a word for which one: "my older brother", "my little sister", "my stepdad"
    r"\b(my|our|his|her) (best |close |old |older |younger |elder |big |little |twin |baby |"
    r"step |step-|half )?(dad|father|mum|mom|mother|wife|husband|partner|"
    # the words of home for a parent: "my mummy had breast cancer", "my papa has AS"
    r"da|mam|mummy|mommy|mammy|mama|daddy|papa|"
    r"son|daughter|friend|mate|pal|buddy|workmate|coworker|cousin|nephew|niece|"
    r"brother|sister|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|girlfriend|"
    r"boyfriend|patient|client|child|kid|neighbou?r|colleague|uncle|aunt(ie)?|nan|fiance|"
    r"fiancee|flatmate|roommate|parent|baby|teen|boss|"
    # a child named by their place in the family: "my little one has had a fever"
    r"little one|little girl|little boy|youngest|eldest|toddler)s?\b|"
    # not the clinician who examined the writer: "she checked me over, said its a kidney
    # infection"
    r"^\s*((now that|since|because|as|when) )?(he|she|hes|shes)\b"
    r"(?! (checked|examined|assessed|saw|looked at) me\b)|"
    # the one it was like for, set before the writer's own: "for him it was like 2 hours of
    # stiffness every morning. me, im 35, i get maybe 5 min"
    r"^\s*(for|with|in) (him|her|them|his case|her case)\b(?! and me)|"
    # the one named as the writer's worry: "whats worrying me is she had cancer that spread"
    r"\b(worrying me|worries me|scaring me|scares me|bothering me|bothers me|my worry|"
    r"my fear)( most)? is (that )?(he|she)\b|"
    # the one who has it, set against the writer: "its him with the cancer not me"
    r"\b(its|it is) (him|her|them) with\b|"
    # a friend told before: "one of my friends is on dialysis. another has had a throat cancer"
    r"^\s*another (one )?(has|had|is|was)\b|"
    # someone known from somewhere: "a lady at her church just found out she has cancer"
    r"\b(a|an|one|this|the|some) (lady|woman|man|guy|bloke|girl|boy|fella|chap|person|"
    r"worker|lad) (at|from|in|on) (my|her|his|our|their|the) (church|work|gym|office|club|"
    r"school|street|village|mosque|temple|team|class|site|ward|estate|road|building)\b|"
    r"\bone of (the|my|our) (\w+ )?(carers|nurses|colleagues|friends|mates|neighbou?rs|"
    r"patients|clients|residents|kids|children|lads|girls|guys|coworkers|workmates)\b|"
    # "they" opening a sentence is as often the exercises as a person: only "their legs" counts
    r"\btheir (legs?|back|feet|foot|bladder|bowels?|bum|hips?)\b|" + _SEEN_AT_WORK
)
# The writer's own, told just before its name, whoever else the sentence names: "I had
# prostrate cancer treated 4 years ago... my wife says ask the computer".
WRITERS_OWN_BEFORE = re.compile(
    r"(\b(i had|ive had|i have had|i was diagnosed with|i was treated for)|"
    # the writer's "I" left out at the start: "had breast cancer 5 yrs ago... my husband made me
    # ask"
    r"^\W*(had|was diagnosed with|was treated for))( an?)?( \w+)?\s*$"
)
# "A fellow myeloma survivor" has the writer's own condition too, whoever else the sentence names.
FELLOW_SUFFERER = re.compile(
    r"\bfellow (\w+ ){0,3}(survivor|sufferer|patient|warrior|cancer patient)s?\b"
)

# The writer says there is no pain at all ("my back is fine, no pain, I just want a routine").
# A history that matters only with new back pain (a past cancer) is then no sign. "No pain
# down my legs" denies one pain, not all: "no pain" counts only as a clause of its own.
PAIN_FREE = re.compile(
    r"\b(my )?back (is|feels|has been) (fine|ok|okay|good|great)\b|"
    r"(^|[,.;!]\s*)no (back )?pain( at all| whatsoever| now| these days| anywhere)?\s*([,.;!]|$)|"
    r"\b(im|i am) (completely |totally )?pain[- ]free\b|"
    # "I don't have any back or hip pain at all"
    r"\b(dont|do not) have any (back |hip |back or hip |hip or back )?pain\b|\bnot in any pain\b|"
    # "I have no pain in the back, nothing", "she has no pain anywhere"
    r"\b(i have|ive|ive got|i got|she has|shes got|he has|hes got) no (back |hip )?pain"
    r"( at all| anywhere| whatsoever| in (my|the|her|his) (back|lower back|spine|hips?))?\b|"
    # none for a long while, up to now: "it healed fine and I've had no back pain for years now"
    r"\b(ive|i have|shes|she has|hes|he has) had no (back |hip )?pain (for (years|months)|since)\b"
)
# Any pain told at all: a pain-free statement elsewhere does not outweigh it.
PAIN_WORDS = re.compile(
    r"\b(pain|pains|painful|hurt|hurts|hurting|ache|aches|ached|aching|achy|sore|agony|"
    r"twinges?|twinged|niggles?|niggling|killing (me|him|her|them)|playing up|bad back|stiff|"
    r"stiffness|"
    r"throbs?|throbbing|burning|cramps?|cramping|tender|spasms?|sciatica)\b"
)

# Anything told of how someone is now, beyond pain: "now her legs are weak", "cant walk".
HOW_THEY_ARE_NOW = re.compile(
    r"\b(now|lately|recently|these days|weak|weakness|numb|numbness|tingly|tingling|"
    r"cant walk|cant stand|cant move|unwell|poorly|fever|temperature|losing weight|"
    r"lost weight|not eating|sweats|sweating)\b"
)


# The back pain told as the same long-standing pain, nothing new or changed: "had bowel cancer
# 10 yrs ago... ive had the same achy lower back since my twenties", "its not new". A past
# cancer is a sign with new back pain, not with the ache a person has always had.
LONG_STANDING_PAIN = re.compile(
    r"\b(same|usual|old) (\w+ ){0,2}(back|back pain|backache|lower back|ache|pain)( \w+){0,3} "
    r"(since|for) (my (teens|twenties|thirties|forties|20s|30s|40s)|years|decades|ages|"
    r"as long as i can remember)\b|"
    r"\bsame as (it )?((has|had) )?always been\b|\b(its|it is|this is|pain is) not new\b|"
    r"\b(had|have had|ive had) (this |the same |my )?(back pain|backache|bad back|back ache|"
    r"achy back|sore back) (for|since) (years|decades|my (teens|twenties|thirties|20s|30s))\b|"
    # "I live with a lot of back pain... sometimes I can go for weeks with little to no pain"
    r"\bi (have )?(live|lived) with (a lot of |chronic |constant |daily )?(back pain|backache|"
    r"a bad back|back problems)\b"
)
# ...and nothing told as new or changed beside it.
PAIN_CHANGED = re.compile(
    r"\b(new|newly|worse|worsening|different|changed|spreading|getting bad|at night|"
    r"wakes? me|waking me|weight loss|lost weight|losing weight)\b"
)


# "nothing new" and "not new" deny a change, they tell none; nor does a "new normal"
_NO_CHANGE = re.compile(r"\b((nothing|not|no) (new|different|worse)|new normal)\b")


def says_pain_long_standing(text: str) -> bool:
    """The normalised message tells the back pain as long-standing and unchanged."""
    return bool(LONG_STANDING_PAIN.search(text)) and not PAIN_CHANGED.search(
        _NO_CHANGE.sub(" ", LONG_STANDING_PAIN.sub(" ", text))
    )


def says_pain_free(text: str) -> bool:
    """The normalised message says there is no pain, and tells no pain besides."""
    return bool(PAIN_FREE.search(text)) and not PAIN_WORDS.search(PAIN_FREE.sub(" ", text))
