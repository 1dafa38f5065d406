"""Word lists about English news prose that attribution needs: places, nationalities, titles, roles,
organisations, gender cues, and the cue verbs in every form. Lowercase throughout; lookups normalise
first (``bare``).

Kept apart from the rules so the rules read as rules, and so a list can grow without touching them.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Country -> nationality adjective, so "Pakistan's defence minister" and "the Pakistani defense minister"
# name the same role. Several spellings of a country map to one adjective.
DEMONYM_OF: dict[str, str] = {
    "afghanistan": "afghan", "albania": "albanian", "algeria": "algerian", "argentina": "argentine",
    "armenia": "armenian", "australia": "australian", "austria": "austrian", "azerbaijan": "azerbaijani",
    "bahrain": "bahraini", "bangladesh": "bangladeshi", "belarus": "belarusian", "belgium": "belgian",
    "bolivia": "bolivian", "bosnia": "bosnian", "brazil": "brazilian", "britain": "british",
    "bulgaria": "bulgarian", "cambodia": "cambodian", "canada": "canadian", "chile": "chilean",
    "china": "chinese", "colombia": "colombian", "croatia": "croatian", "cuba": "cuban", "cyprus": "cypriot",
    "czechia": "czech", "denmark": "danish", "egypt": "egyptian", "england": "english", "eritrea": "eritrean",
    "estonia": "estonian", "ethiopia": "ethiopian", "europe": "european", "finland": "finnish",
    "france": "french", "georgia": "georgian", "germany": "german", "ghana": "ghanaian", "greece": "greek",
    "hungary": "hungarian", "iceland": "icelandic", "india": "indian", "indonesia": "indonesian",
    "iran": "iranian", "iraq": "iraqi", "ireland": "irish", "israel": "israeli", "italy": "italian",
    "japan": "japanese", "jordan": "jordanian", "kazakhstan": "kazakh", "kenya": "kenyan", "korea": "korean",
    "kuwait": "kuwaiti", "kyrgyzstan": "kyrgyz", "latvia": "latvian", "lebanon": "lebanese", "libya": "libyan",
    "lithuania": "lithuanian", "malaysia": "malaysian", "mexico": "mexican", "mongolia": "mongolian",
    "morocco": "moroccan", "myanmar": "burmese", "nepal": "nepalese", "netherlands": "dutch",
    "nigeria": "nigerian", "norway": "norwegian", "oman": "omani", "pakistan": "pakistani",
    "palestine": "palestinian", "peru": "peruvian", "philippines": "filipino", "poland": "polish",
    "portugal": "portuguese", "qatar": "qatari", "romania": "romanian", "russia": "russian",
    "saudi arabia": "saudi", "scotland": "scottish", "serbia": "serbian", "singapore": "singaporean",
    "slovakia": "slovak", "somalia": "somali", "spain": "spanish", "sri lanka": "sri lankan",
    "sudan": "sudanese", "sweden": "swedish", "switzerland": "swiss", "syria": "syrian", "taiwan": "taiwanese",
    "tajikistan": "tajik", "thailand": "thai", "tunisia": "tunisian", "turkey": "turkish",
    "turkmenistan": "turkmen", "uganda": "ugandan", "ukraine": "ukrainian", "uzbekistan": "uzbek",
    "venezuela": "venezuelan", "vietnam": "vietnamese", "wales": "welsh", "yemen": "yemeni",
    "zimbabwe": "zimbabwean", "united states": "american", "us": "american", "u.s.": "american",
    "usa": "american", "america": "american", "united kingdom": "british", "uk": "british",
    "u.k.": "british", "uae": "emirati", "united arab emirates": "emirati", "ksa": "saudi",
    "new zealand": "new zealander", "south africa": "south african", "north korea": "north korean",
    "south korea": "south korean", "eu": "european", "european union": "european",
    # As ``bare`` leaves them (no final period): "the U.S." is a place, not an acronym's organisation.
    "u.s": "american", "u.k": "british", "u.a.e": "emirati", "e.u": "european",
}
# Ethnic names that are also common surnames (Baloch, Punjabi) are left out on purpose.
DEMONYMS: frozenset[str] = frozenset(DEMONYM_OF.values()) | {"saudi", "emirati", "arab", "kurdish"}

# Places that are not countries but are named as if they acted ("Tehran said"): never speakers.
CITIES = frozenset("""
tehran islamabad rawalpindi karachi lahore peshawar quetta multan gwadar kabul kandahar delhi mumbai
kolkata chennai dhaka beijing shanghai moscow washington london paris berlin brussels geneva vienna rome
madrid ankara istanbul riyadh jeddah mecca dubai doha abu dhabi muscat baghdad damascus beirut amman cairo
jerusalem tel aviv gaza sanaa tokyo seoul pyongyang bangkok jakarta manila hanoi canberra sydney ottawa
toronto york chicago brasilia caracas havana nairobi lagos johannesburg kyiv kiev minsk tashkent baku
tbilisi yerevan herat mazar balochistan sindh punjab khyber pakhtunkhwa kashmir gilgit baltistan kpk
asia africa europe america middle east gulf west east north south
""".split()) | {"new delhi", "abu dhabi", "tel aviv", "new york", "hong kong", "middle east", "white house",
                "persian gulf", "south asia", "central asia", "latin america", "north america"}
PLACES: frozenset[str] = frozenset(DEMONYM_OF) | CITIES
# Places news writes as acting for their government when they are a cue's subject ("China said", "The UK
# urged", "Beijing wants", "the White House said"): countries and capitals, never regions or continents.
# In any other role ("in Hong Kong", "talks with Iran") a place never speaks.
CAPITALS = frozenset("""
tehran islamabad kabul delhi dhaka beijing moscow washington london paris berlin brussels ankara riyadh doha
muscat baghdad damascus beirut amman cairo jerusalem tokyo seoul pyongyang bangkok jakarta manila hanoi
canberra ottawa brasilia caracas havana nairobi kyiv kiev minsk tashkent baku tbilisi yerevan sanaa
""".split()) | {"new delhi", "abu dhabi", "white house", "downing street", "hong kong", "kremlin", "pentagon"}
ACTING_PLACES: frozenset[str] = (frozenset(DEMONYM_OF) - {"europe", "america"}) | CAPITALS
# The cues a place speaks by: acts of speech. A place that "maintains tariffs", "attacked", "recognized"
# or "reported cases" does something, it says nothing.
PLACE_SPEECH_VERBS = frozenset("""
say tell add note state explain claim insist argue assert stress emphasize underline underscore reiterate
repeat warn caution urge demand appeal vow pledge promise threaten reply respond retort ask announce confirm
deny admit acknowledge concede suggest accuse condemn denounce criticize protest reject call hail praise
welcome blame decry deplore declare propose allege contend complain
""".split())

# Capitalised words that are never part of a person's name.
NOT_NAME = frozenset("""
the a an this that these those it its he she they we i you his her their our my your there here
in on at by for from with to of and or but as if when while after before since because though although
monday tuesday wednesday thursday friday saturday sunday january february march july
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
muslim muslims islamic islam christian christians jewish hindu sikh buddhist arab arabs sunni shia shiite
god allah twitter facebook instagram youtube whatsapp internet tv news other most many some all both
quite what why how who which where not no yes mr mrs ms dr also however meanwhile moreover
unlike despite according although earlier later last next asked after during under following speaking
addressing responding citing separately elsewhere instead yet still even once today yesterday tomorrow
western eastern northern southern zionist regime army navy police government ministry parliament
""".split()) | DEMONYMS

# Title words written before a name that are not its office: honorifics and ranks. They stay in aliases
# ("General Hatami") but not in the role ("Iranian Defense Minister").
HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady madam begum hon hon.
brigadier general gen gen. major maj maj. colonel col col. lieutenant lt lt. captain capt capt. admiral adm
adm. marshal sergeant sgt sgt. commodore rev rev. reverend father imam maulana mufti sheikh
rabbi cardinal bishop archbishop pastor
""".split())
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father"})
FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "begum", "queen",
                               "princess"})

# Words of an office, capitalised as a title before a name ("Defense Minister Ali Hatami") or lowercase
# in a role ("the union leader").
ROLE_HEADS = frozenset("""
minister president premier chancellor secretary chairman chairwoman chairperson chair chief head leader
director spokesman spokeswoman spokesperson official officer governor mayor ambassador envoy diplomat
commander counterpart adviser advisor aide analyst expert economist lawyer attorney prosecutor judge justice
senator lawmaker legislator congressman congresswoman representative mp mna mpa activist campaigner
researcher professor scientist doctor owner founder executive ceo manager negotiator organiser organizer
coordinator convener commissioner inspector superintendent administrator candidate journalist reporter
editor columnist historian strategist consultant engineer banker investor trader exporter importer farmer
teacher coach captain king queen prince princess emir sheikh general admiral marshal colonel cleric
president vice-president deputy member shopkeeper driver worker resident witness treasurer registrar
secretary-general under-secretary co-chair co-chairman vice-chair vice-chairman co-founder boss speaker
councillor councilor councilman councilwoman alderman sheriff constable detective trooper marshal coroner
magistrate principal dean provost rector chaplain pope archbishop bishop rabbi imam pastor
manager coach midfielder striker defender goalkeeper goaltender quarterback skipper referee author co-author
chairmen cfo coo counsel democrat republican premier-elect president-elect mayor-elect governor-elect nominee whip
curator conservator archivist librarian physician surgeon nurse architect planner pilot
hydrologist epidemiologist virologist criminologist psychologist sociologist geologist ecologist
master foreman firefighter paramedic ranger warden clerk broker surveyor pharmacist dentist veterinarian
midwife chef fisherman miner contractor landlord
agent paediatrician pediatrician psychiatrist cardiologist neurologist oncologist radiologist dermatologist
anaesthetist anesthetist obstetrician gynaecologist gynecologist immunologist pathologist toxicologist
physiotherapist therapist optician statistician technician demographer
father mother son daughter husband wife brother sister grandson granddaughter uncle aunt nephew niece
keeper zookeeper vet porter lecturer tutor pensioner patient passenger commuter tenant homeowner householder volunteer
shopowner baker butcher publican landlady carer caretaker headteacher headmaster headmistress
rep rep. sen sen. gov gov. supt supt. det det. insp insp. cllr cllr. atty atty. amb amb. pres pres.
""".split())
# Words that qualify an office in a title ("Defense Minister", "Port Trust Chairman").
ROLE_MODIFIERS = frozenset("""
defense defence foreign interior finance home information commerce trade maritime affairs health education
energy petroleum water railways planning law labour labor economic state federal provincial deputy acting
former senior opposition army police navy air force prime vice chief executive general managing junior
union port trust party national regional district city municipal central supreme high court security
military intelligence human rights religious climate agriculture industry industries privatisation
privatization revenue customs environment transport justice culture housing business digital
defence treasury cabinet shadow assistant associate executive
""".split())
# An organisation's name ends in one of these ("Press TV", "Karachi Port Trust", "Dawn News").
ORG_HEADS = frozenset("""
tv news agency times post tribune herald journal gazette telegraph guardian radio network channel press daily
express ministry department office council committee commission party union association federation
corporation corp company co inc ltd limited plc llc group bank fund trust authority board institute university court
army navy police force forces foundation organisation organization alliance front league movement chamber
bureau service services exchange embassy consulate assembly parliament senate congress cabinet government
secretariat directorate command centre center broadcasting media reuters bloomberg nations airline airlines
airways laboratory ferries railways college society academy
""".split())
# Common nouns for an organisation already named: "the company says", "the agency said".
ORG_NOMINALS = frozenset("""
company firm group agency organisation organization label network outlet airline carrier manufacturer
publication newspaper paper studio broadcaster retailer bank ministry department office campaign administration
embassy government startup charity union automaker carmaker plane-maker planemaker chipmaker insurer lender
publisher website site magazine journal outlet regulator watchdog club
""".split())
# The nominals that mean a business, an agency or a publication named by its own name, whatever it is
# ("WeWork" ... "the company", "NASA" ... "the agency"); "the government", "the ministry", "the office"
# mean only a body that names itself so.
COMPANY_NOMINALS = frozenset("""
company firm group agency label network outlet airline carrier manufacturer publication newspaper paper
studio broadcaster retailer bank startup automaker carmaker plane-maker planemaker chipmaker insurer lender
publisher website site magazine
""".split())
# News outlets and agencies written as one word, often in capitals.
OUTLETS = frozenset("""
reuters afp ap xinhua irna isna fars tasnim mehr bloomberg bbc cnn dawn geo app ispr pti ani anadolu bernama
yonhap kyodo tass ria interfax aljazeera wam spa kuna
""".split())

# Forenames for a pronoun's gender (a tiebreak, never a speaker on its own): common English, European,
# South Asian and Middle-Eastern forenames. Names used for both sexes (Alex, Jordan, Kim, Jean, Andrea,
# Robin, Sam, Chris ...) are left out on purpose; unknown names stay compatible with either pronoun.
MALE_NAMES = frozenset("""
fergus callum hamish angus alasdair euan ewan ruaridh geoffrey rupert gareth
ali ahmed ahmad muhammad mohammad mohammed imran nawaz shahbaz asif khurram hassan hussain hasan husain
omar umar usman osman bilal faisal tariq zafar kamran rashid javed junaid farooq abdul abdullah khalid
saeed saad salman shahid sajid naveed nadeem waqar yasir zubair hamid mahmood mahmoud jawad reza hossein
javad mehdi abbas mohsen ebrahim ibrahim akbar sheikh yusuf yousef youssef mustafa mostafa karim kareem
nabil walid waleed samir sameer tarek hamza hamzah amir emir anwar bashar fahad fahd majid mansour nasser
rami ziad ayman adel adil jamal kamal hisham ahmet mehmet recep hakan murat emre benjamin yair naftali
yitzhak moshe avi ehud shimon netanyahu
narendra rahul raj amit arun sanjay vijay anil sunil manmohan arvind ajay ashok rajesh suresh ramesh mahesh
rakesh vikram vivek nitin pranab rajiv jawaharlal subhash shashi piyush amitabh sachin virat rishi sadiq
ashraf aslam akram arif azhar babar fawad ghulam haider ishaq jamil kashif liaquat mansoor mushtaq nasir
qasim rehman riaz sarfraz shoaib sohail tahir waseem yousuf zahid zulfikar shehbaz bilawal asad hamza
donald joe john james robert michael william david richard joseph thomas charles christopher daniel
matthew mark paul steven stephen steve andrew kenneth george edward brian kevin jason jeff jeffrey ryan gary
eric peter tim timothy tom vladimir sergei sergey dmitry xi keir boris rishi liam jeremy nigel gordon tony
ed ted keith ian alan alastair alistair colin derek dominic gavin graham grant greg gregory harry henry
hugh jack jake jim jimmy jonathan josh joshua justin kyle larry lewis luke martin matt mike neil nick
nicholas oliver patrick phil philip ralph raymond roger ronald rory russell scott sean simon stuart terry
trevor victor vincent walter wayne will william zach barack bill bernie chuck mitch kevin ron rick
rudy marco ted lindsey adam aaron albert arthur barry ben bernard bob bruce carl craig dan dave dennis
doug douglas duncan frank fred gerald gerard glenn howard hugo igor ivan jacob jeremy jerry joel jon
jose juan carlos luis miguel pedro pablo diego jorge emmanuel francois jacques pierre olaf friedrich
helmut wolfgang hans klaus jurgen giuseppe giorgio matteo mario luigi paolo volodymyr oleksandr
andriy viktor mikhail alexei alexey nikolai yuri boris recep bruno marcus louis lawrence leo max
""".split()) - {"sheikh", "netanyahu"}
FEMALE_NAMES = frozenset("""
alison gillian shona eilidh ailsa morag catriona isla ines
ayesha aisha fatima fatimah maryam mariam benazir hina sherry shireen shirin sara sarah zainab nadia nida
samina sana saba sadia rabia rubina farah farzana hafsa huma amna asma bushra fauzia fozia nasreen nargis
nusrat parveen perveen rukhsana sumaira tahira uzma zara zahra yasmin yasmeen leila layla laila noor
nour rania dina lina mona huda salma amira samira rana reem hanan nahid shabnam golnar masih narges
farida sheikha hasina khaleda dipu
sushma indira sonia priyanka malala marvi sharmila nirmala smriti mamata mayawati pratibha kiran anita
sunita geeta gita lakshmi meera mira pooja priya radha rekha shilpa sneha usha kavita deepa divya neha
hillary nancy elizabeth mary patricia jennifer linda barbara susan jessica karen lisa margaret theresa
angela emma olivia sophia sophie kamala nikki ruth anne ann anna maria laura julia helen kate catherine
jane liz elizabeth rachel rebecca alice amanda amy andrea angela annabel beth bridget carol caroline
charlotte chloe claire clare diana diane donna dorothy eleanor ellen emily emma eva fiona frances gemma
georgina grace hannah harriet heather isabel jacqueline jan janet jill joan joanna joanne josephine
judith judy julie karen katherine kathleen kathryn katie kelly kirsty lauren louise lucy lynn madeleine
maggie marie marion martha melanie michelle miriam molly nicola nicole pamela pat penny rosa rose
rosemary ruth sally samantha sandra shirley stephanie suella priti nadine liz penny yvette angela
harriet jacinda ursula christine marine giorgia ilhan alexandria marjorie nancy dianne tammy kristi
kathy gretchen gina allison ellen maria sarah
""".split()) - {"andrea", "pat", "jan"}
FEMALE_ROLES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "princess",
                          "wife", "mother", "daughter", "sister", "widow", "actress"})
MALE_ROLES = frozenset({"spokesman", "congressman", "businessman", "king", "prince", "husband", "father", "son",
                        "brother"})

# Plural heads name a group, not one speaker: "officials said", "analysts say".
def is_plural_role(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and w not in ROLE_HEADS and (w[:-1] in ROLE_HEADS or w[:-2] in ROLE_HEADS or w.replace("men", "man") in ROLE_HEADS)


# Role heads that mean the same office in a question and in the article.
HEAD_SYNONYMS = {"chairwoman": "chairman", "chairperson": "chairman", "chair": "chairman",
                 "spokeswoman": "spokesman", "spokesperson": "spokesman", "advisor": "adviser",
                 "organizer": "organiser", "defence": "defense", "labour": "labor", "centre": "center",
                 "organisation": "organization", "privatisation": "privatization",
                 # An abbreviated title is its office: "Gov. Eric Holcomb" is "the governor".
                 "gov": "governor", "sen": "senator", "rep": "representative", "supt": "superintendent",
                 "det": "detective", "insp": "inspector", "atty": "attorney", "amb": "ambassador",
                 "pres": "president", "cllr": "councillor", "councilor": "councillor",
                 # family, as a reader writes it: "her dad" is the one introduced as "her father"
                 "dad": "father", "daddy": "father", "mum": "mother", "mom": "mother", "mummy": "mother"}

# Offices written as initials or in more words, compared in one spelling: the CEO is the chief executive.
OFFICE_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("ceo",): ("chief", "executive"), ("chief", "executive", "officer"): ("chief", "executive"),
    ("cfo",): ("chief", "financial", "officer"), ("coo",): ("chief", "operating", "officer")}
# Heads that name the same kind of office under another word: "the union leader" is the person
# introduced as "union president"; "the Acme boss" its chief executive.
ROLE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"leader", "head", "chief", "boss", "president", "chairman", "executive", "secretary-general"}),
    frozenset({"lawyer", "attorney", "counsel"}),
    frozenset({"lawmaker", "legislator", "congressman", "congresswoman", "representative", "senator", "mp"}),
)
# Families whose head alone names the office (“the lawmaker” is the one Rep. or Sen. the article names);
# a leader's family needs its other words (“the union leader”, never a bare “the leader”).
BARE_FAMILIES: tuple[frozenset[str], ...] = ROLE_FAMILIES[1:]

# Lowercase words that end a noun phrase when walking away from a cue verb.
FUNCTION_WORDS = frozenset("""
a an the this that these those and or but nor so yet as if than then when while where whether which who whom
whose what of in on at by for from with to into onto over under about after before since during against
among amid between through without within via per is are was were be been being am has have had do does
did will would shall should can could may might must not no also it its he she they we i you his her their
our my your him them us me there here said says told added
""".split())
# Function words that are also names when capitalised mid-sentence ("Theresa May", "Will Smith").
NAME_LIKE = frozenset({"may", "will", "mark", "bill", "rich", "hope", "grace", "june", "april", "august"})
# Lowercase words inside a name: "Mohammed bin Salman", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "ul", "ud", "de", "van", "von", "der", "da", "di", "du",
                            "la", "le", "dos", "das", "del", "della", "ter", "den"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that"})


# How a possessive ends: "Acme's", and a name ending in s with the apostrophe alone ("Crustworks’ manager").
POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=65536)  # asked of the same few thousand words hundreds of thousands of times at open
def bare(word: str) -> str:
    """A word as names and roles compare it: lowercase, no possessive, no final period, no particle
    joined by a hyphen ("al-Assad" is "Assad" as a later sentence writes him)."""
    if len(word) <= 1:
        return word.lower()
    low = _POSSESSIVE.sub("", word).rstrip(".").lower()
    particle = _HYPHEN_PARTICLE.match(low)
    return low[particle.end():] if particle and particle.end() < len(low) else low


_HYPHEN_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|an|ar|az|ul|ud|bin|ibn|abu|abd|ben)-(?=[a-z])")


# --------------------------------------------------------------------------- cue verbs
# The words news prose uses to attribute speech: say-verbs and judgement verbs in every form and both
# spellings. Built once at import from base verbs, because a hand-written list of forms always misses
# some ("criticised" is missing from a well-known US-only lexicon; "admitted" needs the doubled t).

# Say-verbs and the judgement verbs news uses as attribution cues (see ATTRIBUTION.md), written
# with American -ize; the -ise twin is generated.
_BASES = """
say tell add note state explain claim insist argue assert stress emphasize underline underscore reiterate
repeat warn caution urge demand appeal vow pledge promise threaten reply respond retort ask question comment
remark announce confirm deny admit acknowledge concede predict suggest write tweet post report quip joke boast
endorse cite lobby portray refer discuss highlight signal fume gush sigh crow deride echo recount speak
scoff plead testify concur protest lament hint remember dispute believe beg brag stress
declare maintain observe mention recall complain lament allege contend propose
recommend advise hail welcome praise applaud commend congratulate thank criticize condemn denounce slam blast
attack accuse blame decry deplore dismiss reject call describe label brand dub express voice estimate
acknowledge apologize recognize characterize summarize reveal disclose shout scream whisper declare
affirm counter rebut testify inform assure reassure exclaim murmur conclude think
chide scold rebuke castigate lambaste berate assail refute rebuff confess implore proclaim clarify speculate
fret grumble bemoan gripe muse tout laud wonder reckon disagree continue laugh chuckle
elaborate confide opine inquire query liken trumpet agree remind swear yell snap cry mutter mumble
introduce view regard
""".split()
# Verbs that report speech only beside a quotation: "“...,” she continued", "“...,” he laughed"; not
# "the fighting continued".
QUOTE_ONLY = frozenset({"continue", "laugh", "chuckle", "go"})
# Verbs that report speech beside a quotation or before a that-clause ("“...,” Lee agreed", "Lee agreed that
# ..."); not "the sides agreed to a deal", "he snapped a photo", "she cried", "reminded of home".
THAT_OR_QUOTE = frozenset({"agree", "remind", "swear", "yell", "snap", "cry", "mutter", "mumble"})
# Verbs that report words only as "V X as “...”": "Benioff introduced Cook as “someone who ...”", "Apple views
# privacy as “a fundamental human right”"; not "introduced a bill", "views of the bay".
AS_QUOTE = frozenset({"introduce", "view", "regard"})

# Forms no rule produces.
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thinking"),
    "swear": ("swears", "swore", "sworn", "swearing"),
}
# Final consonant doubled before -ed/-ing (stress on the last syllable).
_DOUBLE = {"admit", "quip", "beg", "brag", "concur", "regret", "rebut", "refer", "commit", "omit", "permit", "submit", "chat", "slam", "dub",
           "snap", "plan", "nod", "jab", "spar", "stir", "prod", "scrap", "bar", "rap", "sob"}
# -l doubled in British spelling only: both forms occur.
_L_DOUBLE_BRITISH = {"label", "signal", "cancel", "counsel", "model"}

# A verb that puts its speaker after it in news word order: "“...,” said Hatami".
INVERTIBLE = frozenset("""
say add ask explain note write reply insist warn claim declare quip recall argue comment remark
observe conclude predict concede admit state report tell respond retort acknowledge confirm announce
tweet shout exclaim joke muse counter continue laugh boast complain suggest whisper caution stress
emphasize point recount wonder scoff sigh chuckle agree promise vow plead
""".split()) - {"tell", "respond"}  # "told X" names the listener, "responded X" is not English


def _inflect(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base]}
    forms = {base}
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(base + "es")  # "echoes"
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ied", base + "ing"}
    elif base in _DOUBLE:
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
        if base in _L_DOUBLE_BRITISH:
            forms |= {base + "led", base + "ling"}
    return forms


def _spellings(base: str) -> list[str]:
    """The verb in both spellings: criticize / criticise."""
    if base.endswith("ize") and base not in {"seize", "size"}:
        return [base, base[:-3] + "ise"]
    return [base]


def _build() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base in _BASES:
        for spelled in _spellings(base):
            for form in _inflect(spelled):
                forms.setdefault(form, base)
    return forms


# Every inflected form -> its base verb (American spelling).
VERB_FORMS: dict[str, str] = _build()



def cue_base(word: str) -> str | None:
    """The base verb when ``word`` (lowercase) is a finite form of a cue verb, else None. A gerund
    ("..., noting that") continues a clause: ``link`` gives it the main clause's subject."""
    base = VERB_FORMS.get(word)
    if base is None or word.endswith("ing"):
        return None
    return base


def gerund_base(word: str) -> str | None:
    """The base verb when ``word`` is the -ing form of a cue verb: "saying", "insisting"."""
    base = VERB_FORMS.get(word)
    return base if base is not None and word.endswith("ing") else None


# Words that may stand between a speaker and the verb: "Dastagir also criticised", "he has said".
BETWEEN = frozenset("""
also further later again earlier then has had have once still too previously recently repeatedly reportedly
publicly separately subsequently meanwhile however would will had has even only yesterday today
instead since already now first just long privately initially finally twice both
""".split())

# Particles a phrasal cue needs ("lashed out at", "hit out at", "pointed out", "ruled out", "chimed in").
PHRASAL = {"lash": "out", "hit": "out", "point": "out", "rule": "out", "speak": "out", "chime": "in", "weigh": "in"}
PHRASAL_FORMS: dict[str, str] = {
    form: base for base in PHRASAL for form in _inflect(base) if not form.endswith("ing")
}
PHRASAL_FORMS["hit"] = "hit"  # irregular past: "hit out at"
PHRASAL["go"] = "on"  # "“...,” she went on"
PHRASAL_FORMS.update({"go": "go", "goes": "go", "went": "go"})
PHRASAL_FORMS.pop("hited", None)
# Their participles: "..., pointing out that", "..., hitting out at" ("going on" is no cue).
PHRASAL_GERUNDS: dict[str, str] = {
    form: base for base in PHRASAL if base != "go" for form in _inflect(base) if form.endswith("ing")
} | {"hitting": "hit"}
PHRASAL_GERUNDS.pop("hiting", None)
# Context a cue carries into the evidence: "said in a statement", "told reporters".
CUE_TAILS = ("in a statement", "in a tweet", "in an interview", "on twitter", "in a post", "in a speech",
             "in a televised address", "in a press conference", "at a press conference", "reporters",
             "journalists", "the media", "the press")

# Light verbs: a cue only with a communication noun after them ("issued a statement saying", "sent an
# email praising", "offered condolences"); "police released the suspect" is no cue.
LIGHT_VERBS: dict[str, str] = {
    form: base for base in ("issue", "release", "send", "offer", "present", "publish", "deliver", "give", "make",
                            "share", "file", "put")
    for form in _inflect(base) if not form.endswith("ing")
} | {"sent": "send", "gave": "give", "given": "give", "made": "make", "put": "put"}
# Light verbs that report words when a that-clause follows: "shared with the Gazette that ...",
# "shared that ..."; "shared a photo" and "shared the cost" are no cue.
THAT_CLAUSE_VERBS = frozenset({"share"})
COMMUNICATION_NOUNS = frozenset("""
statement statements letter letters email emails e-mail memo message messages note warning warnings apology
apologies condolences praise remarks remark speech speeches testimony report reports video response reply
tweet tweets post comment comments interview address briefing ultimatum appeal plea proposal plan evidence
guidance advisory assessment analysis rebuttal denial assurance assurances threat threats call calls
request demand demands complaint complaints letter endorsement support criticism rebuke tribute
""".split())

# Evidence predicates: a document or measure as subject ("polls show", "the report found", "data
# suggest"). An attribution of its own kind: the words are the document's, not a person's speech.
EVIDENCE_VERBS = frozenset("""
show shows showed shown find finds found indicate indicates indicated suggest suggests suggested reveal
reveals revealed estimate estimates estimated conclude concludes concluded confirm confirms confirmed
""".split())
DOCUMENT_NOUNS = frozenset("""
poll polls survey surveys report reports study studies data figures statistics research analysis analyses
review investigation audit records documents document filing filings estimates numbers census findings
inquiry probe assessment memo emails letter letters
""".split())
# Verbs that move someone to speak, before the one who speaks and an infinitive cue: "prompted Lane to
# castigate", "urged Ortiz to say"; not "allows the Tern to highlight" (a thing shown, no one speaking).
PROMPTING_VERBS = frozenset(
    form for base in ("prompt", "urge", "push", "press", "force", "ask", "invite", "encourage", "spur", "compel",
                      "pressure", "lead", "inspire", "provoke", "move", "get")
    for form in _inflect(base)) | {"led", "got"}
# Intent predicates: "X wants / plans / hopes / seeks": what a source means to do, not what they said.
INTENT_VERBS: dict[str, str] = {
    form: base for base in ("want", "plan", "hope", "seek", "intend", "aim", "wish", "aspire", "prefer")
    for form in _inflect(base) if not form.endswith("ing")
} | {"sought": "seek", "planned": "plan", "plans": "plan"}
