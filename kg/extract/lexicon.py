"""Cue words of the extraction rules, as data. General English/news vocabulary only."""

from kg.extract.dates import MONTH_NAMES

#: NER labels kept as entity mentions, with the coarse type each one votes for.
NER_TYPES = {
    "ORG": "Organization",
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
    "PRODUCT": "Other",
    "WORK_OF_ART": "Program",
    "LAW": "Other",
    "NORP": "Other",
}

#: Last words of title-case program names ("Red Cat Plan", "Community Business Convention").
PROGRAM_HEADS = frozenset({"plan", "program", "programme", "project", "convention", "initiative", "scheme", "campaign"})
#: Last words of title-case event names ("Bund Summit", "World Internet Conference").
EVENT_HEADS = frozenset(
    {"summit", "conference", "forum", "festival", "expo", "fair", "awards", "gala", "congress", "week", "cup"}
)
#: Last words of title-case names of laws ("Digital Services Act", "Anti-Monopoly Law"): typed Other.
LAW_HEADS = frozenset({"act", "law", "directive", "ordinance", "bill", "treaty", "regulation"})
#: Plural first words of title-case names of sets of rules, Chinese regulations above all ("Measures for the
#: Administration of Online Games", "Provisions on the Management of Algorithmic Recommendations"): typed Other.
RULES_HEADS = frozenset({"measures", "provisions", "regulations", "rules", "guidelines", "opinions"})
#: Last words of title-case names of bodies whose names join words with 'and', '&' and 'of' ("Payment & Clearing
#: Association of China", "Korea Federation of SMEs", "China Audio-Video and Digital Publishing Association").
INSTITUTION_HEADS = frozenset(
    {"association", "federation", "council", "institute", "society", "chamber", "alliance", "committee", "foundation",
     "academy", "union", "confederation", "league", "ministry", "department", "bureau", "agency", "authority",
     "commission", "administration", "college", "university", "school", "laboratory", "centre", "center", "office"}
)  # fmt: skip
#: Nouns after a quoted name that make it a program ("number store integration" mechanism).
PROGRAM_NOUNS = PROGRAM_HEADS | {"mechanism", "function", "feature", "service", "tool", "storefront"}
#: Category nouns: "platforms such as X", "the platform X", "its investor X" vote for X's type.
CATEGORY_TYPES = {
    **dict.fromkeys(
        [
            "platform",
            "company",
            "firm",
            "provider",
            "brand",
            "retailer",
            "player",
            "giant",
            "rival",
            "competitor",
            "investor",
            "group",
            "bank",
            "fund",
            "marketplace",
            "operator",
            "startup",
            "start-up",
            "merchant",
            "partner",
            "app",
            "wallet",
            "brokerage",
            "subsidiary",
            "unit",
            "broker",
            "shareholder",
            "seller",
            "maker",
            "corporation",
            "studio",
            "developer",
            "publisher",
            "carmaker",
            "automaker",
            "lender",
            "insurer",
            "chipmaker",
            "consultancy",
            "agency",
            "arm",
            "division",
            "chain",
            "grocer",
            "regulator",
            "watchdog",
            "manufacturer",
            "supplier",
            "carrier",
            "airline",
            "site",
            "website",
            "portal",
            "label",  # 'its Miu Miu label', 'the record label Modern Sky'
        ],
        "Organization",
    ),
    **dict.fromkeys(
        [
            "anchor",
            "blogger",
            "influencer",
            "founder",
            "executive",
            "celebrity",
            "star",
            "streamer",
            "host",
            "chairman",
            "ceo",
            "analyst",
            "creator",
            "entrepreneur",
        ],
        "Person",
    ),
    **dict.fromkeys(sorted(PROGRAM_NOUNS - {"tool"}), "Program"),
    # named products ("the chatbot Doubao", "Talkie, a role-play chatbot", "its Labubu figurines")
    **dict.fromkeys(
        [
            "model",
            "chatbot",
            "game",
            "toy",
            "figurine",
            "character",
            "membership",
            "chip",
            "smartphone",
            "handset",
            "sedan",
            "suv",
            "robotaxi",
            "assistant",
            "generator",
            "franchise",
            "subscription",
            "currency",
            "tier",
            "title",
            "hatchback",
            "vehicle",
            "feature",
            "variant",  # 'A reasoning variant, K2 Thinking, followed'
            "framework",  # "Baidu's deep-learning framework, PaddlePaddle"
            "software",
            "constellation",  # 'its Guowang constellation' of satellites
            "rocket",
            "drug",  # 'its cancer drug Enhertu', 'the weight-loss drug Wegovy'
            "vaccine",
            "therapy",
            "console",
            "tablet",
        ],
        "Program",
    ),
    # technical standards ('Matter, the interoperability standard backed by Amazon'): no company, no product
    **dict.fromkeys(["standard", "protocol", "specification"], "Other"),
}
#: Kinds that type a name they stand before ('its live-streaming business YY Live'), though alone they refer to no
#: company ('the business' may be any line of trade).
NAME_CATEGORY_TYPES = {**CATEGORY_TYPES, "business": "Organization"}
#: What one hands to a successor ('handed the CEO role to Y', 'passed the reins to Y'): the one it goes to is a person.
HANDED_POSTS = frozenset({"role", "post", "job", "position", "title", "reins", "helm", "seat"})
#: What a leader takes of (at) an organization: "took charge of Y", "took the helm at Y", "took the reins of Y".
TAKEN_POSTS = frozenset({"charge", "helm", "reins"})
#: Verbs of giving up what one held ('ceded its control of Y', 'lost its ownership of Y').
GIVE_UP_VERBS = frozenset({"lose", "cede", "relinquish", "surrender", "give", "end", "sell", "dilute"})
#: Verbs of leaving a post ('when X stepped down', 'after X retired'): the one who then takes it over succeeds X.
LEAVE_VERBS = frozenset({"step", "leave", "retire", "resign", "quit", "depart", "exit"})
#: Posts held at a firm: 'an analyst at Bernstein', 'a partner at Zhong Lun' (what follows 'at' is an organization).
FIRM_POSTS = frozenset({"analyst", "partner", "economist", "strategist", "director", "executive", "researcher"})
#: Makers named by what they make: 'Epic Games, the maker of Fortnite' (what follows 'of' is a product).
MAKER_NOUNS = frozenset({"maker", "developer", "publisher", "creator"})
#: Hyphenated words the tokenizer keeps whole: split ("co", "-", "founder"), the small model parses
#: "Kuaishou co-founder and chairman Su Hua" into nonsense.
#: Last words of hyphenated modifiers that are no part of a name before them ("a Tencent-style app").
HYPHEN_MODIFIER_TAILS = frozenset(
    {"style", "like", "wide", "free", "friendly", "only", "level", "scale", "class", "run"}
)
HYPHENATED_WORDS = (
    "co-founder",
    "co-founders",
    "co-founded",
    "co-found",
    "co-chairman",
    "co-chairwoman",
    "co-chair",
    "co-ceo",
    "co-head",
    "co-owner",
    "co-lead",
    "co-led",
    "co-leads",
    "vice-president",
    "vice-chairman",
    "start-up",
    "start-ups",
)
#: Words after a number that make it an amount, never the end of a name ("Meituan 3.44 billion yuan").
AMOUNT_WORDS = frozenset(
    {
        "billion",
        "million",
        "trillion",
        "thousand",
        "bn",
        "m",
        "yuan",
        "rmb",
        "dollars",
        "euros",
        "percent",
        "per",
        "%",
        "shares",
    }
)
#: Currency codes that open an amount after a name, never the end of one ("fined Trip.com Group RMB 2.7 billion").
CURRENCY_CODES = frozenset(
    {"rmb", "cny", "usd", "us$", "hkd", "hk$", "eur", "gbp", "jpy", "krw", "inr", "sgd", "idr", "brl", "aud", "cad"}
)
#: Words of a dateline's credit to a newsroom rather than to a publication ('(Business Desk)', '(Staff report)').
NEWSROOM_WORDS = frozenset(
    {"business", "desk", "staff", "report", "reporter", "reporters", "correspondent", "correspondents", "bureau"}
    | {"newsroom", "news", "wire", "wires", "writer", "writers", "editor", "editors", "team", "our", "the", "&"}
)
#: The last word of a newsroom's unit in a dateline credit ('(Markets Desk)', '(Asia Bureau)'): no name.
NEWSROOM_UNITS = frozenset({"desk", "bureau", "staff", "newsroom", "team"})
#: Titles, acronyms and business jargon the NER takes for organizations: never entities.
JARGON = frozenset(
    {
        "ceo",
        "phd",  # a degree
        "mba",
        "cfo",
        "coo",
        "cto",
        "cmo",
        "cpo",
        "ceos",
        "gmv",
        "ipo",
        "ipos",
        "apac",
        "emea",
        "c2c",
        "b2b",
        "b2c",
        "d2c",
        "o2o",
        "mau",
        "maus",
        "dau",
        "daus",
        "arpu",
        "ebitda",
        "ebita",
        "capex",
        "opex",
        "yoy",
        "qoq",
        "esg",
        "kol",
        "kols",
        "koc",
        "saas",
        "paas",
        "ai",
        "agi",
        "api",
        "ar",
        "vr",
        "ev",
        "evs",
        "nev",
        "nevs",
        "hq",
        "sku",
        "skus",
        "roi",
        "kpi",
        "gdp",
        "pmi",
        "cpi",
        "etf",
        "adr",
        "adrs",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "fy",
        "r&d",
        "m&a",
        "llm",
        "llms",
        "av",
        "avs",
        "gpu",
        "gpus",
        "cpu",
        "cpus",
        "npu",
        "iot",
        "sme",
        "smes",
        "mcn",
        "mcns",
        "ip",
        "ugc",
        "bnpl",
        "ads",
        "adss",
        "duv",
        "euv",
        "hbm",
    }
)
#: Units written after a number in one token ("10GW", "128GB", "5GHz"): such a token is a quantity, never a name.
UNIT_LETTERS = frozenset(
    {"gb", "tb", "mb", "kb", "pb", "gw", "mw", "kw", "tw", "gwh", "mwh", "kwh", "twh", "ghz", "mhz", "nm", "mm", "cm",
     "km", "kg", "hp", "ps", "wd", "fps", "mp", "gbps", "mbps", "tops", "mah", "pl"}
)  # fmt: skip
#: Honorifics written after a name with a hyphen ('Nagoshi-san'): the name is the person's without them.
HONORIFIC_SUFFIXES = frozenset({"san", "sama", "kun", "chan", "sensei", "nim", "ssi"})
#: Category nouns said of people as often as of companies ("X, a partner at Y", "X, a venture investor"):
#: they type nothing on their own.
PERSON_OR_ORGANIZATION = frozenset(
    {"partner", "investor", "shareholder", "backer", "seller", "merchant", "player", "broker"}
)
#: Business idioms that the NER takes for places or names ("competition in the red sea").
IDIOMS = frozenset({"red sea", "the red sea", "red ocean", "blue ocean", "the blue ocean", "the red ocean"})

#: Cooperation nouns: "reached cooperation with X", "the cooperation between X and Y".
COOP_NOUNS = frozenset(
    {
        "cooperation",
        "partnership",
        "collaboration",
        "alliance",
        "agreement",
        "deal",
        "tie-up",
        "pact",
        "co-operation",
        "venture",  # 'formed a joint venture with X'
        "contract",  # "signed supply contracts with battery makers including CATL and BYD"
    }
)
#: Cooperation nouns that state a partnership only as the object of a verb of making one (:data:`CONTRACT_VERBS`):
#: 'signed a contract with CATL', 'A and B signed a contract'; not 'won a contract with the army', 'blamed DRAM and
#: NAND contracts'.
COOP_NOUNS_WITH_PARTY = frozenset({"contract"})
#: Words of a company's description that tell it from no other: "the new company", "a Beijing-based group".
GENERIC_DESCRIPTION_WORDS = frozenset(
    {"company", "group", "firm", "business", "based", "new", "big", "large", "largest", "biggest", "major", "leading"}
    | {"local", "chinese", "global", "international", "parent", "unit", "giant", "operator", "owner", "rival"}
    | {"listed", "former", "own", "top", "main", "same", "other", "platform", "start", "startup", "maker", "service"}
)
#: Nouns for a post that take its title after 'of': "took on the title of chief executive of Y".
OFFICE_NOUNS = frozenset({"title", "role", "post", "position", "job", "office"})
#: Kinds of technology a company builds into its products: "folded its video model into the CapCut app".
FEATURE_NOUNS = frozenset({"model", "technology", "feature", "tool", "engine", "algorithm", "function", "chip"})
#: What an investor holds, as a noun whose list names its investments: "HongShan's portfolio includes X".
PORTFOLIO_NOUNS = frozenset({"portfolio", "holding", "investment"})
#: Verbs of making one business part of another with 'into': "folded Kugou into the group".
FOLD_VERBS = frozenset({"fold", "merge", "consolidate", "combine", "roll"})
#: Verbs that put their subjects in a contest named after 'in': "A and B are locked (embroiled) in a price war".
ENGAGED_VERBS = frozenset({"be", "lock", "embroil", "engage", "entangle", "catch", "mire"})
#: Adverbs of 'held' that say what kind of company it is, not who holds it: "privately held Zepto".
HOLDING_KINDS = frozenset({"privately", "publicly", "closely"})
#: Participles that introduce a name: "a campaign called X", "a service dubbed X", "an app named X".
NAMING_VERBS = frozenset({"call", "dub", "name", "brand", "title"})
#: Verbs that, with a cooperation noun as object, state a partnership.
COOP_SUPPORT = frozenset(
    {"reach", "sign", "establish", "form", "forge", "strike", "enter", "seal", "announce", "conclude", "have"}
)
#: Verbs that, with 'contract' as object, state a partnership ('signed (inked, renewed) a contract with X'); a
#: contract won, awarded or lost states none.
CONTRACT_VERBS = frozenset({"sign", "ink", "renew", "extend", "renegotiate", "seal", "strike", "conclude"})
#: Sites a company builds or runs, which stand somewhere: "a plant in Izmir", "two restaurants in Vila Madalena".
FACILITY_NOUNS = frozenset(
    {
        "plant",
        "factory",
        "site",
        "complex",
        "hub",
        "office",
        "headquarters",
        "restaurant",
        "warehouse",
        "campus",
        "centre",
        "center",
        "facility",
        "mall",
    }
)
#: Competition nouns: "in direct competition with X", "the rivalry between X and Y", "a new front against X",
#: "feeling the heat from X".
COMPETE_NOUNS = frozenset(
    {
        "competition",
        "rivalry",
        "war",
        "contest",
        "battle",
        "race",
        "showdown",
        "clash",
        "fight",
        "duel",
        "tussle",
        "pressure",
        "threat",
        "challenge",
        "front",
        "answer",
        "alternative",
        "heat",
    }
)
#: A company's moves, which a participle may aim at a rival: "a move aimed at Jahez", "a push aimed at Amazon".
MOVE_NOUNS = frozenset({"move", "step", "push", "bid", "effort", "attempt", "offensive", "salvo", "gambit"})
#: Competition nouns whose rival follows 'to': "a direct challenge to X", "its answer to X", "an alternative to X",
#: "a threat to X".
COMPETE_NOUNS_TO = frozenset({"challenge", "answer", "alternative", "threat"})
#: Modifiers of a stake that make buying it an acquisition ("a controlling stake").
#: Verbs of ground lost to a rival, and what is lost: "X lost market share (ground, users) to Y".
LOSE_VERBS = frozenset({"lose", "cede", "concede", "surrender", "leak"})
#: Kinds of product or service a company has: "its Prime membership", "Xiaomi's MiLM models" (the name is its own).
PRODUCT_NOUNS = frozenset(
    {
        "model",
        "product",
        "membership",
        "service",
        "app",
        "application",
        "chatbot",
        "assistant",
        "network",
        "wallet",
        "subscription",
        "agent",
        "engine",
        "handset",
        "smartphone",
        "console",
        "currency",
        "tier",
        "card",
        "generator",
        "chip",
        "processor",
        "game",
        "programme",
        "program",
        "family",
        "constellation",  # 'its Guowang constellation'
        "rocket",
        "drug",
        "vaccine",
        "therapy",
        "suv",  # 'its EX2 compact electric SUV', 'Xiaomi's SU7 sedan'
        "sedan",
        "hatchback",
        "minivan",
        "pickup",
    }
)
#: What companies make and others compete with: 'competes with software (apps, devices) from X'.
OFFERING_NOUNS = PRODUCT_NOUNS | {
    "software", "tool", "offering", "device", "system", "solution", "phone", "car", "vehicle", "drink", "brand",
    "platform",
}  # fmt: skip
#: The kinds whose named instance is a unit of its possessor ("its Prime membership", "its Alipay+ network"), which
#: the annotation guide's part_of covers, and so is a named range of products ("Xiaomi's Mijia range", "its Redmi
#: lineup"; not a "line", which may be a production or credit line); a model or a chatbot ("its GLM models") is a
#: product, not a unit.
SERVICE_NOUNS = frozenset(
    {"membership", "service", "network", "wallet", "subscription", "app", "application", "brand", "range", "lineup"}
)
#: What one holds on a platform, named before it or after 'on': "its official Weibo account" (not a sales "channel":
#: "its LazMall channel" is a unit).
PLATFORM_ACCOUNT_NOUNS = frozenset({"account", "handle"})
#: What one runs on a platform or as a chain of its own: "Estée Lauder's stores on Tmall", "its Tmall flagship
#: store", but "its Hema stores" (a chain of the owner's).
PLATFORM_STORE_NOUNS = frozenset({"store", "storefront", "shop"})
#: Segments of an exchange named before their kind: "the Shenzhen Stock Exchange's ChiNext board" (an exchange's only).
SEGMENT_NOUNS = frozenset({"board", "market", "segment"})
#: Heads of a description of an authority ("China's top market regulator", "the competition watchdog", "the
#: commission's investigation"; "bank" with "central"): it stands for an authority the article names.
AUTHORITY_NOUNS = frozenset(
    {"regulator", "watchdog", "commission", "authority", "administration", "ministry", "bureau", "enforcer"}
)
#: Verbs of imposing a penalty ('a fine was imposed on X', 'levied on X') and of receiving one ('X received (incurred,
#: was handed) a penalty of …').
IMPOSE_VERBS = frozenset({"impose", "levy", "slap", "hand", "issue", "mete"})
RECEIVE_PENALTY_VERBS = frozenset({"receive", "incur", "get", "draw", "hand"})
#: Words of advising on a deal: who 'worked with' a side in such a sentence was its adviser, not its partner.
ADVISORY_WORDS = frozenset({"advise", "adviser", "advisor", "advisory", "counsel"})
#: Verbs of putting a company under a probe ("placed X under review"), and of a company's coming under one.
PLACE_VERBS = frozenset({"place", "put"})
COME_UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})
#: Verbs of a penalty reaching its target: "a batch of penalties that also hit X".
HIT_VERBS = frozenset({"hit", "target", "affect", "ensnare", "catch"})
#: Verbs of saying, after which a speaker's titles and name open a clause ("said chief executive X").
SAY_VERBS = frozenset({"say", "tell", "add", "write", "note", "explain", "announce", "according"})
#: Verbs of money coming in, and what comes: "X raised $1bn (money, funds) from A", "X took 500 million yuan from A".
#: Verbs that change a tie already there ('deepened its partnership with Y'): the partnership is older than the
#: clause's date.
DEGREE_VERBS = frozenset(
    {"expand", "deepen", "extend", "broaden", "strengthen", "renew", "widen", "upgrade", "scale", "step"}
)  # fmt: skip ('scale up', 'step up' their partnership)
RAISE_VERBS = frozenset({"raise", "secure", "receive", "get", "take", "attract", "draw", "obtain", "land"})
#: Verbs of putting a sum into a company: "poured US$2 billion into Y", "put a further 500 million yuan into Y".
MONEY_INTO_VERBS = frozenset({"put", "pour", "inject", "pump", "plough", "plow", "sink", "funnel", "channel"})
MONEY_NOUNS = frozenset({"money", "fund", "capital", "cash", "investment", "financing", "backing", "funding"})
#: Verbs whose subject makes or seeks the listing they take as object: 'X completed its listing on Y', 'X made its
#: debut on Y', 'X filed for an IPO on Y' (a plan counts as a listing, as 'plans to list on Y' does).
LISTING_PLAN_VERBS = frozenset({"file", "plan", "prepare", "apply"})
#: Kinds of business a company has: 'its AliExpress and Trendyol marketplaces', 'Meituan's apps such as Keeta'.
BUSINESS_KINDS = frozenset(
    {"marketplace", "platform", "app", "brand", "unit", "business", "subsidiary", "service", "network", "arm"}
    | {"chain", "store", "site", "label", "division", "wallet"}
)
#: Words of a possessed phrase that say the name in it is no unit of the possessor: "Xiaomi's sister company
#: Kingsoft", "Alibaba's Ant Group board", "Meituan's rival Ele.me".
NO_UNIT_WORDS = frozenset({"sister", "board", "rival", "partner", "peer", "former", "competitor"})
#: Verbs of handing papers to an exchange ('submitted its application to the Hong Kong stock exchange').
FILING_VERBS = frozenset({"file", "submit", "lodge", "refile", "resubmit"})
#: What a company files with an exchange to list ('filed an application with Nasdaq to list its shares'); any other
#: purpose ('to issue convertible bonds', 'to delist') is no listing.
LIST_VERBS_OF_FILING = frozenset({"list", "float", "go", "sell", "offer", "raise", "debut"})
LISTING_VERBS = LISTING_PLAN_VERBS | {"complete", "make", "stage", "hold", "launch", "finish"}
#: Words before a deal's noun that say it has not happened: 'its planned Nasdaq listing', 'a proposed listing'.
UNREALISED_WORDS = frozenset({"planned", "proposed", "potential", "possible", "mooted", "failed", "aborted", "shelved"})
#: Verbs of having a unit: 'X has (runs, keeps) a chip subsidiary, Y' makes Y X's unit (not 'X bought a unit, Y').
UNIT_HOLDING_VERBS = frozenset({"have", "own", "operate", "run", "keep", "retain", "control", "maintain"})
#: Verbs of facing a rival: "X faces Y", "X will go up against Y", "X squared off (lined up) against Y".
FACE_VERBS = frozenset({"face", "go", "square", "line", "stack", "match"})
#: Verbs of ground won from a rival: "X took market share (users) from Y", "X is luring merchants away from Y".
GAIN_VERBS = frozenset({"take", "win", "grab", "steal", "poach", "lure", "claw", "wrest", "snatch", "siphon", "draw"})
#: What a company runs that stands for the company when it is not named itself, as a rival or a partner ("competes
#: with Douyin's in-house e-commerce", "faces JD.com's delivery arm"; 'faces Meituan's lawsuit' names none).
BUSINESS_NOUNS = (
    PRODUCT_NOUNS
    | SERVICE_NOUNS
    | frozenset(
        {"business", "unit", "arm", "division", "platform", "marketplace", "brand", "store", "chain", "channel"}
        | {"e-commerce", "commerce", "operation", "offering", "ecosystem", "fleet", "site", "storefront", "label"}
    )
)
#: Cue verbs' third-person forms that are never plural nouns: after a name the small model may read as an adjective
#: ('Meituan competes with …'), they are still the verb.
VERB_ONLY_FORMS = frozenset({"competes", "vies", "invests", "acquires", "owns", "operates"})
#: Adjectives that make a group of names rivals: "two rival apps, A and B", "competing platforms such as A and B".
RIVAL_ADJECTIVES = frozenset({"rival", "competing"})
MARKET_GROUND = frozenset(
    {"ground", "share", "customer", "user", "shopper", "merchant", "seller", "traffic", "lead", "audience"}
    | {"advertiser", "subscriber", "driver", "rider", "player", "viewer"}
)
#: Nouns of a place in a market that 'behind' / 'ahead of' rank: "a 12% share of the market, behind Apple".
RANK_NOUNS = frozenset({"share", "position", "place", "spot", "ranking"})
CONTROL_WORDS = frozenset({"controlling", "majority"})
#: Nouns of a holding: "a 5% stake in X", "a controlling interest in X".
STAKE_NOUNS = frozenset({"stake", "share", "shares", "holding", "interest"})
#: What a holding is a part of when it names its company as possessor: "42 percent of Kering's share capital",
#: "17% of Meituan's shares", "30% of Y's voting rights" (not "of Y's revenue").
CAPITAL_NOUNS = frozenset({"capital", "share", "stock", "equity", "right"})
#: A share of a company written as a number ("owns 14% of Y", "bought 60 percent of Y").
PERCENT_WORDS = frozenset({"%", "percent"})
#: Fractions that tell a holding: 'owns about a third of Ant Group', 'holds half of the venture'.
FRACTION_NOUNS = frozenset({"half", "third", "quarter", "fifth", "sixth", "tenth", "two-thirds", "three-quarters"})
#: Adjectives that put a deal or launch ahead of its subject ("X is due (set, poised) to launch Y"), as a plan is
#: stated; not ability ("developers will be able to sell …").
PROSPECT_ADJECTIVES = frozenset({"due", "set", "likely", "poised", "ready", "expected", "eager", "keen"})
#: Verbs of making things ("assembles cars with Ebro", "produces batteries with CATL"): made with a company, a
#: partnership.
MAKE_VERBS = frozenset({"assemble", "produce", "manufacture", "co-develop", "codevelop", "co-produce"})
#: Adverbs saying an owner holds only part ("X, partly owned by Y", "part-owned by Y"): a stake, not the company.
PARTIAL_WORDS = frozenset({"partly", "partially", "part", "minority"})
#: The dashes that end a dateline ("SEOUL — …", "SÃO PAULO, May 14 (Reuters) – …").
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
#: Words for a part of a holding: "sold part (half, some, most) of its stake in Y".
PORTION_WORDS = frozenset({"part", "half", "some", "most", "all", "portion", "bulk", "third", "quarter", "rest"})
#: Verbs of paying for something: "paid US$840 million for a 75 per cent stake in X".
PAY_VERBS = frozenset({"pay", "spend"})
#: Financing nouns: "led the Series B round".
ROUND_NOUNS = frozenset({"round", "financing", "funding", "investment", "fundraising"})
#: Words that put a round before the news at hand ("invested in earlier rounds").
EARLIER_WORDS = frozenset({"earlier", "previous", "prior", "past", "former", "first", "early"})
#: Role nouns of leaders: "X, chief executive of Y", "Y's chairman X".
ROLE_NOUNS = {
    "ceo": "CEO",
    "chief executive": "CEO",
    "chief executive officer": "CEO",
    "chairman": "chairman",
    "chairwoman": "chairwoman",
    "chairperson": "chairperson",
    "chair": "chair",
    "president": "president",
    "head": "head",
    "boss": "boss",
    "general manager": "general manager",
    "managing director": "managing director",
    "director general": "director general",
    "director-general": "director general",
    "secretary general": "secretary general",
    "secretary-general": "secretary general",
    "managing partner": "managing partner",
    "cto": "CTO",
    "cfo": "CFO",
    "coo": "COO",
}
#: Words that may stand among titles without being one ("group chief executive", "senior vice-president").
TITLE_MODIFIERS = frozenset(
    {
        "group",
        "global",
        "senior",
        "executive",
        "deputy",
        "vice",
        "managing",
        "interim",
        "acting",
        "joint",
        "founding",
        "co",
    }
)
#: Words of when a title is held that leave it a title held ('new chief executive X', 'returning chairman Y', and 'then-
#: chairman Z', held when what the sentence tells happened); not 'former' (no longer held).
TENURE_MODIFIERS = frozenset({"new", "returning", "incoming", "outgoing", "current", "longtime", "sitting", "then"})
#: Nouns of a post only a person holds: "X, head of …", "X, the company's general counsel", "councillor X".
PERSON_POSTS = frozenset(
    {
        *(w for w in ROLE_NOUNS if " " not in w and w != "head"),
        "executive",
        "officer",
        "founder",
        "co-founder",
        "cofounder",
        "director",
        "counsel",
        "councillor",
        "councilor",
        "commissioner",
        "minister",
        "secretary",
        "spokesperson",
        "spokeswoman",
        "spokesman",
        "analyst",
        "economist",
        "strategist",
        "professor",
        "lawyer",
        "banker",
        "governor",
        "vice-president",
        "vice-chairman",
    }
)
#: Cue verbs that may end a relative clause without a relative pronoun on a described name ('Amap, the navigation
#: app Alibaba bought in 2014, …'): those whose object is the name, with no particle or preposition to read.
REDUCED_RELATIVE_VERBS = frozenset(
    {"acquire", "buy", "purchase", "absorb", "found", "co-found", "cofound", "launch", "unveil", "back", "fund", "own",
     "control"}
)  # fmt: skip
#: Combining forms of nations before a hyphen ('Sino-US talks', 'Indo-Pacific'): an adjective, never a name.
NATION_COMBINING_FORMS = frozenset(
    {"sino", "indo", "euro", "anglo", "franco", "russo", "afro", "austro", "greco", "italo", "nippo", "luso"}
)
#: Nouns that describe a person without a post, conjoined before one: 'Chen, a Kingsoft veteran and co-founder of
#: Cheetah Mobile' (the post's place in the clause is theirs).
PERSON_DESCRIPTIONS = frozenset(
    {"veteran", "engineer", "entrepreneur", "scientist", "billionaire", "alumnus", "native"}
)
#: Words that make a title a past one: "former Kuaishou chairman Su Hua" no longer leads it. Not 'then' ("SAIC's
#: then-chairman Chen Hong said in 2021"): the post held when what the sentence tells happened, which annotators
#: state as leading (7 of 7 on the development sets).
FORMER_WORDS = frozenset({"former", "ex", "ex-", "late", "outgoing", "previous"})
#: Kinds of company that make or own what they are 'behind': 'Pop Mart, the toy maker behind Labubu', 'the company
#: behind TikTok' (not an investor or a team 'behind' a deal, nor 'lags behind Y').
MAKER_KIND_NOUNS = frozenset(
    {
        "company",
        "firm",
        "group",
        "maker",
        "giant",
        "developer",
        "studio",
        "operator",
        "conglomerate",
        "startup",
        "publisher",
    }
)
#: Words that make a firm an investor: 'the investment firm behind JD.com', 'the venture capital firm behind Y'.
INVESTING_WORDS = frozenset(
    {"investment", "venture", "capital", "equity", "buyout", "vc", "fund", "asset", "investor", "private"}
)
#: Verbs of founding a company, not of forming anything (a zone, an alliance, a team): 'was founded (co-founded) by X'.
FOUNDING_LEMMAS = frozenset({"found", "co-found", "cofound"})
#: Words before a post that place it in someone's past career: 'a former Baidu executive', 'an early employee of
#: Meituan', 'a onetime Alibaba engineer'.
PAST_POST_WORDS = FORMER_WORDS | {"early", "onetime", "one-time"}
#: A unit's kin, not its owner's: "Vivo's sister brand iQoo" (both are their parent's; "a sister app to Y" is Y's).
SIBLING_WORDS = frozenset({"sister", "sibling"})
#: 'chief <word> officer' -> role ("the company's chief financial officer").
OFFICER_ROLES = {"executive": "CEO", "financial": "CFO", "operating": "COO", "technology": "CTO", "technical": "CTO"}

#: Verb lemma -> (predicate, rule id). Particles are checked by the rules (take over, shut down …).
VERB_CUES = {
    **dict.fromkeys(
        # ('contracted (enlisted) J&T and Loggi to handle deliveries': a company engaged by another is its partner)
        ["cooperate", "collaborate", "partner", "ally", "team", "co-operate", "contract", "enlist"],
        ("partner_of", "partner.verb"),
    ),
    **dict.fromkeys(["invest", "back", "fund", "finance"], ("invested_in", "invest.verb")),
    **dict.fromkeys(
        ["launch", "introduce", "unveil", "roll", "promulgate", "release", "debut", "kick", "inaugurate", "rollout"],
        ("launched", "launch.verb"),
    ),
    **dict.fromkeys(["relaunch", "restart", "resume", "reboot", "reopen", "revive"], ("relaunched", "relaunch.verb")),
    **dict.fromkeys(["suspend", "halt", "pause", "freeze"], ("suspended", "suspend.verb")),
    **dict.fromkeys(["close", "shut", "discontinue", "terminate", "cut", "scrap"], ("closed", "close.verb")),
    **dict.fromkeys(["acquire", "buy", "purchase", "take", "absorb"], ("acquired", "acquire.verb")),
    **dict.fromkeys(
        ["compete", "rival", "vie", "battle", "fend", "trail", "lag", "overtake", "outsell", "outpace", "undercut"]
        + ["challenge", "counter", "race", "chase"],
        ("competes_with", "compete.verb"),
    ),
    **dict.fromkeys(["succeed", "replace"], ("succeeded", "succeed.verb")),
    **dict.fromkeys(["found", "co-found", "cofound", "set", "register", "incorporate"], ("founded", "found.verb")),
    **dict.fromkeys(["settle", "sell", "stream", "livestream", "bring", "open"], ("operates_on", "operates.verb")),
    **dict.fromkeys(["publish", "issue"], ("published", "publish.verb")),
    **dict.fromkeys(["join", "participate"], ("participant_in", "participant.join")),
    **dict.fromkeys(["head", "helm", "chair", "lead", "run", "oversee", "operate"], ("leads", "leads.verb")),
    **dict.fromkeys(["own", "control", "hold", "house", "include"], ("owns", "owns.verb")),
    "oversee": ("owns", "owns.oversee"),  # a group that oversees its units; a person who does leads them
    **dict.fromkeys(["start", "create", "establish", "form"], ("founded", "found.verb")),
    "build": ("founded", "found.build"),
    **dict.fromkeys(["fine", "penalize", "penalise"], ("fined", "fine.verb")),
    **dict.fromkeys(
        ["investigate", "probe", "examine", "scrutinize", "scrutinise"], ("investigated", "investigate.verb")
    ),
}
#: Verbs of meeting and talking: 'met with investors including X' says nothing of whose investors they are.
MEETING_VERBS = frozenset({"meet", "talk", "speak", "discuss", "consult", "negotiate", "brief"})
#: Verbs of pursuit among the rivalry cues, and the prepositions after which they name no rival: the rival is what
#: they chase ('races JD.com for shoppers'), not what they chase with ('chasing growth with AliExpress').
PURSUIT_VERBS = {"race": {"with", "behind"}, "chase": {"with", "behind"}}
#: (predicate, subject type) -> the predicate a cue states for a subject of that type: a person who
#: runs or heads Y leads it; an organization that runs or oversees Y owns it ("Taotian, which runs Taobao").
TYPE_ALTERNATIVES = {("leads", "Organization"): "owns"}
#: (rule, subject type) -> the predicate a cue states for a subject of that type, though the cue's own would fit it:
#: a person who builds a company founds it, a company that builds a product launches it ("how Pinduoduo built Temu").
#: A person who takes direct (operational, day-to-day) control of a company runs it; a company that does buys it.
SUBJECT_SENSES = {
    ("found.build", "Organization"): "launched",
    ("acquire.managing_control", "Person"): "leads",
    ("owns.oversee", "Person"): "leads",
}
#: (rule, subject type, object type) -> the predicate a cue states for such arguments: a person who launches a company
#: founds it ("Cheng launched GIF Kuaishou, an app for …"); a person who launches a product launches it.
ARGUMENT_SENSES = {("launch.verb", "Person", "Organization"): "founded"}
#: Verbs of leading only a person does: an organization that 'chairs' Y is a misreading, not Y's owner.
PERSON_ONLY_LEAD_VERBS = frozenset({"chair"})
#: Verbs by which a relative clause on a person says where their bare title is held: 'chief executive X, who founded
#: (runs, joined) Y'.
OWN_ORGANIZATION_VERBS = frozenset({"found", "co-found", "cofound", "start", "build", "join", "run", "lead", "head"})
#: Titles of state: capitalised inside a sentence ('under President Javier Milei'), a country's, not a company's.
STATE_TITLES = frozenset({"president", "premier", "governor", "chancellor", "minister", "mayor", "senator"})
#: Cue verbs of getting control of a company ('took (bought, acquired) control of Y'): its acquisition.
CONTROL_VERBS = frozenset({"take", "buy", "acquire", "purchase"})
#: What control is when it is a post, not a purchase: 'took direct control of Alibaba Cloud'.
MANAGING_CONTROL = frozenset(
    {"direct", "personal", "operational", "day-to-day", "executive", "management", "managerial"}
)
#: Relational nouns: "X, the founder of Y", "Y's owner X", "Y founder X", "X is an investor in Y".
#: noun -> (predicate from X to Y, role for leads).
REL_NOUNS = {
    **{k: ("leads", v) for k, v in ROLE_NOUNS.items() if " " not in k},
    "founder": ("founded", None),
    "co-founder": ("founded", None),
    "cofounder": ("founded", None),
    "owner": ("owns", None),
    "parent": ("owns", None),
    "investor": ("invested_in", None),
    "backer": ("invested_in", None),
    "shareholder": ("invested_in", None),
    "subsidiary": ("part_of", None),
    "unit": ("part_of", None),
    "division": ("part_of", None),
    "arm": ("part_of", None),
    "brand": ("part_of", None),
    "marque": ("part_of", None),
    "label": ("part_of", None),  # 'its make-up label Timage'
    "affiliate": ("part_of", None),
    "business": ("part_of", None),
    "operator": ("owns", None),
    "creator": ("founded", None),
    "rival": ("competes_with", None),
    "competitor": ("competes_with", None),
    "challenger": ("competes_with", None),
    # 'X is a partner of Y', 'Y counts X as a partner' (a person 'partner at' a firm is no organization's partner:
    # the signature drops it)
    "partner": ("partner_of", None),
    "ally": ("partner_of", None),
    # 'Kuaishou host X', 'Taobao's top seller X', 'X, a Douyin streamer': where one sells or streams
    **dict.fromkeys(["host", "streamer", "livestreamer", "seller", "merchant", "influencer"], ("operates_on", None)),
}
#: Relational nouns whose name before them is the thing itself: 'the Koling brand' is Koling (but 'the JD.com
#: subsidiary' is not JD.com).
BRAND_NOUNS = frozenset({"brand", "marque", "label"})
#: Chinese surnames of two syllables, with which a name in pinyin throughout is a person's ('Ouyang Nana').
COMPOUND_SURNAMES = frozenset(
    {"ouyang", "sima", "zhuge", "situ", "shangguan", "dongfang", "murong", "huangfu", "xiahou", "gongsun", "zhangsun",
     "yuwen", "linghu", "zhongli", "duanmu", "nangong", "dugu", "huyan", "wenren"}
)  # fmt: skip
#: Last words of title-case names that type them organizations ('Huadong Medicine') but, unlike ORG_NAME_WORDS, make
#: no short name of the words before them ('Sinopharm Medicine' is Sinopharm's arm, not Sinopharm).
MEDICAL_NAME_WORDS = frozenset(
    {"medicine", "medical", "pharma", "pharmaceuticals", "biologics", "biotech", "therapeutics", "biosciences",
     "healthcare"}
)  # fmt: skip
#: Common Chinese surnames of one syllable, in pinyin: a name of one of them and a given name in pinyin is a person's
#: ('Qian Dongqi'), where the small model tags it an organization.
CHINESE_SURNAMES = frozenset(
    {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu",
     "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng",
     "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu",
     "ding", "ren", "yao", "shen", "zhong", "cui", "tan", "fan", "liao", "shi", "jin", "jia", "xia", "fu", "fang",
     "zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan", "duan", "lei", "long", "tao", "mao",
     "hao", "gu", "gong", "shao", "wan", "qian", "dai", "mo", "kong", "xiang", "chang", "wen", "kang", "niu", "ni",
     "zuo", "lai", "qi", "geng", "ge", "bao", "zhan", "yi", "bi", "hong", "shang", "zhuang", "chai", "tong", "miao",
     "ou", "ning", "rao", "zhai", "huo", "ruan", "pei", "lv", "lyu"}
)  # fmt: skip
#: Nouns of a unit named right before them ("whose Apollo Go unit", "under the Omoda and Jaecoo brands").
UNIT_NOUNS = frozenset(
    {"unit", "units", "arm", "arms", "subsidiary", "subsidiaries", "division", "divisions", "brand", "brands",
     "business", "businesses", "banner", "banners", "label", "labels", "marque", "marques", "app", "apps"}
)  # fmt: skip
#: Participles of hyphenated modifiers: "a Tencent-backed retailer", "the ByteDance-owned app" (Y -> X).
HYPHEN_CUES = {
    "own": ("owns", "owns.hyphen"),
    "control": ("owns", "owns.hyphen"),
    "back": ("invested_in", "invest.hyphen"),
    "fund": ("invested_in", "invest.hyphen"),
    "finance": ("invested_in", "invest.hyphen"),
    "list": ("listed_on", "listed_on.hyphen"),  # 'the Nasdaq-listed group' (of an exchange only)
}
#: What a company lists, named in its stead: 'its Nasdaq-listed shares', 'the HKEX-listed stock of X'.
SHARE_NOUNS = frozenset({"share", "stock", "ads", "adr", "security", "receipt"})
#: Adverbs that make a 'with' phrase a co-agent: "founded by X together with Y", "X, along with Y, built …".
COAGENT_ADVERBS = frozenset({"together", "along", "jointly"})
#: Verbs that state membership with 'part of': "X remained part of Y", "X is part of Y".
PART_COPULAS = frozenset({"be", "remain", "become", "stay"})
#: Number words of list references: "all six", "the three companies".
LIST_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: Verbs that give their subject a relational noun: "X became chairman of Y", "X is an investor in Y".
COPULAS = frozenset({"be", "become", "remain", "serve", "name", "appoint", "elect", "act"})
#: Relations between companies (or between institutions), never between a company and an exchange or authority.
BETWEEN_COMPANIES = frozenset({"invested_in", "acquired", "part_of", "owns", "partner_of", "competes_with"})
#: Verbs of leading: 'X, led (run, headed) by chief executive Y'.
LEAD_VERBS = frozenset({"lead", "run", "head", "helm", "chair", "oversee"})
#: Verbs by which a decision ends an investigation: 'fined X …, closing a two-year investigation'.
CLOSING_VERBS = frozenset({"close", "end", "conclude", "complete", "cap", "wrap", "resolve", "settle"})
#: Verbs of opening an investigation, in a clause that dates it: "an investigation the Commission opened in 2024".
OPENING_VERBS = frozenset({"open", "launch", "begin", "start", "initiate"})
#: Verbs that say an activity began, so that its clause dates the beginning: 'began (started) trading on Nasdaq'.
BEGIN_VERBS = frozenset({"begin", "start", "commence"})
#: Verbs of arriving in a post named after 'as': 'returned (stepped in, came back, rejoined) as chief executive'.
ARRIVE_AS_VERBS = frozenset({"return", "step", "come", "rejoin", "join"})
#: Nouns for an authority's decision that may close an investigation: "The decision concludes an investigation …".
DECISION_NOUNS = frozenset({"decision", "fine", "penalty", "ruling", "order", "settlement", "move"})
#: Articles: what opens a description set after a name ("Idealo, the German price-comparison site").
ARTICLES = frozenset({"the", "a", "an"})
#: Verbs by which an investigation reports what it found ('a probe by X concluded that Y …').
FINDING_VERBS = frozenset({"find", "conclude", "establish", "determine", "show", "reveal"})
#: Verbs whose object takes the role named after 'as': "X named (appointed, tapped) Y as chief executive".
APPOINT_VERBS = frozenset(
    {"name", "appoint", "elect", "promote", "tap", "hire", "nominate", "install", "pick", "choose", "select"}
)
#: Copulas of a continuing state: "X remained chairman" is dated but is no appointment.
STATE_COPULAS = frozenset({"be", "remain", "stay", "serve"})
#: Last words of title-case names that make them organizations ("Intime Retail", "Deppon Logistics").
ORG_NAME_WORDS = frozenset(
    {
        "retail",
        "home",
        "logistics",
        "technology",
        "technologies",
        "network",
        "networks",
        "securities",
        "capital",
        "ventures",
        "holdings",
        "group",
        "bank",
        "motors",
        "automobile",
        "electronics",
        "media",
        "entertainment",
        "express",
        "insurance",
        "financial",
        "labs",
        "studios",
        "corporation",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "limited",
        "co.",
        "company",
        "partners",
        "se",
        "sa",
        "plc",
        "ag",
        "nv",
        "tbk",
        "llc",
        "corp",
        "corp.",
        "supermarket",
        "supermarkets",
        "superstore",
        "superstores",
        "pharmacy",
        "pharmacies",
        "mobility",
        "robotics",
        "interactive",
        "games",
        "automotive",
        "semiconductor",
        "airlines",
        "investments",
        "software",
        "systems",
        "communications",
        "telecom",
        "studio",
        "global",
        "international",
        "inn",
        "hotels",
        "store",
        "stores",
        "pay",
        "payments",
        "fintech",
        "ai",
        "foods",
        "pharmaceutical",
        "airways",
        "shipping",
        "energy",
        "industries",
        "brands",
    }
)
#: Last words of a company's name after a word in pinyin ('Jiuzhou Culture', 'Huace Pictures'); after an English
#: word they name no company ('Pop Culture', 'Desktop Publishing').
PINYIN_ORG_NAME_WORDS = frozenset({"culture", "pictures", "publishing"})
#: Words of a compass that open a region's name before a place ('North Asia', 'Southeast Asia', 'Greater China').
REGION_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central", "greater"}
)
#: Capitalised words after a KB name that do not make a new unit ("the Xiaohongshu Series D round").
NOT_UNIT_WORDS = frozenset(
    {
        "Series",
        "Round",
        "IPO",
        "Inc",
        "Inc.",
        "Ltd",
        "Ltd.",
        "Co.",
        "Group",
        "Holdings",
        "CEO",
        "Chairman",
        "Chairwoman",
        "Chief",
        "President",
        "Founder",
        "Vice",
        "Executive",
        "Director",
        "Head",
        "Mr",
        "Ms",
        *MONTH_NAMES,
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "A",
        "In",
        "On",
    }
)
#: Legal forms abbreviated with a period or a slash that the tokenizer would split ('Temasek Holdings Pte.', 'Novo
#: Nordisk A/S', 'Maybank Bhd.'): kept one token, as 'Ltd.' and 'Inc.' are.
LEGAL_ABBREVIATIONS = ("Pte.", "Pty.", "Bhd.", "Tbk.", "A/S", "S.A.S.", "S.p.A.", "K.K.")
#: Legal forms that make the name before them a company's, whatever the NER took it for ('Novo Nordisk A/S',
#: 'Siemens AG', 'Eli Lilly and Co.'), written capitalised.
COMPANY_SUFFIXES = frozenset(
    {"inc", "inc.", "ltd", "ltd.", "limited", "corp", "corp.", "corporation", "co", "co.", "plc", "llc", "a/s", "ag"}
    | {"gmbh", "s.a.", "n.v.", "ab", "asa", "oyj", "s.p.a.", "pte", "pte.", "pty", "pty.", "bhd", "bhd.", "berhad"}
    | {"tbk", "tbk.", "k.k.", "s.a.s.", "llp", "l.p.", "spa", "sa", "se", "nv", "bv"}
)
#: Words of a company's legal form after its name: "Kuaishou Technology", "Alibaba Group Holding Ltd",
#: "Douyu International Holdings" name the company itself (cf. "Taobao Tmall Commerce Group", a unit).
LEGAL_FORM_WORDS = frozenset(
    {
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "limited",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "plc",
        "holding",
        "holdings",
        "group",
        "international",
        "technology",
        "technologies",
        "pte",
        "llc",
        "sa",
        "ag",
        "nv",
        "se",
        "bhd",
        "tbk",
        "pvt",
        "pvt.",
        "gmbh",
        "bv",
        "spa",
    }
)
#: Company-name endings that make "<KB name> <Words> Group" a unit of its own ("Taobao Tmall Commerce Group").
ORG_SUFFIXES = frozenset(
    {"group", "holdings", "inc", "inc.", "ltd", "ltd.", "limited", "corporation", "corp", "corp.", "company"}
    | {"co", "co.", "holdco"}  # ('Saucony Asia IP Holdco': a holding company's word ends its name)
)
#: Irregular past forms of cue verbs, for prefixed forms the lemmatizer leaves as they are ('co-led').
IRREGULAR_PAST = {"led": "lead", "ran": "run", "held": "hold", "bought": "buy", "sold": "sell", "took": "take"}
#: Verbs that need a particle to carry their cue meaning.
#: Kinds of conduct an investigation looks into, whose possessor or agent is the one investigated: "examined its
#: marketing practices", "an inquiry into fees charged by Kuaishou", "into clauses that iFood signs".
CONDUCT_NOUNS = frozenset(
    {"practice", "conduct", "pricing", "price", "fee", "commission", "policy", "algorithm", "contract", "clause"}
    | {"term", "agreement", "arrangement", "deal", "acquisition", "merger", "subsidy", "discount", "promotion"}
    | {"marketing", "advertising", "handling", "collection", "use", "treatment", "behaviour", "behavior", "rule"}
)
#: Conduct nouns that name a deal: its 'of' names the company bought, not one whose conduct is examined.
DEAL_NOUNS = frozenset({"acquisition", "merger", "deal", "agreement", "arrangement"})
#: Prepositions after which a cue states none of its relations: "ByteDance built TikTok into a giant" grew it;
#: "cut it off from American chips" sanctioned it.
EXCLUDED_PREPS = {"build": "into", "cut": "from"}
#: The particles a cue verb needs to carry its cue meaning ('' for none): 'rolled out', 'shut (down) a studio', not
#: 'shut out a rival'.
REQUIRED_PARTICLE = {
    "roll": {"out"},
    "kick": {"off"},
    "cut": {"off"},
    "take": {"over"},
    "set": {"up"},
    "team": {"up"},
    "fend": {"off"},
    "shut": {"", "down"},
}
#: Nominal cues: "the closure of X", "the acquisition of X", "the launch of X".
NOUN_CUES = {
    "closure": "closed",
    "shutdown": "closed",
    "acquisition": "acquired",
    "takeover": "acquired",
    "purchase": "acquired",
    "buyout": "acquired",
    "suspension": "suspended",
    "relaunch": "relaunched",
    "investment": "invested_in",
    "investigation": "investigated",
    "probe": "investigated",
    "inquiry": "investigated",
    "review": "investigated",
    "fine": "fined",
    "penalty": "fined",
    "launch": "launched",
    "debut": "launched",
    "rollout": "launched",
    "release": "launched",
    "unveiling": "launched",
}
#: Verbs whose subject reacts to a nominal cue rather than acting it: "Alibaba responded to the launch of Temu",
#: "Tencent opposed the acquisition of Huya" (the nominal's actor is then not the clause subject).
REACTION_VERBS = frozenset(
    {
        "respond",
        "react",
        "await",
        "watch",
        "follow",
        "fear",
        "face",
        "counter",
        "oppose",
        "criticise",
        "criticize",
        "welcome",
        "expect",
        "anticipate",
        "protest",
        "challenge",
        "block",
        "reject",
        "review",
        "approve",
        "investigate",
        "question",
        "dismiss",
    }
)
#: The preposition that takes a nominal cue's object: "the acquisition of X", "an investment in X",
#: "an investigation into X", "a fine on X" ("of" unless listed).
NOUN_OBJECT_PREPS = {"invested_in": {"in"}, "investigated": {"into", "of"}, "fined": {"on", "against"}}
#: Verbs of appointing someone to do a thing: 'Baidu appointed (named, hired, tapped) X to run its cloud group': the
#: person X runs it (a company hired 'to advise', or 'a former Coupang executive' tapped, runs nothing here).
APPOINT_TO_VERBS = frozenset(
    {"appoint", "name", "hire", "tap", "pick", "choose", "select", "recruit", "elect", "nominate", "install"}
)
#: Verbs of bringing others to do something on one's own ground: 'Tmall invited (attracted) brands to sell': on Tmall.
INVITE_VERBS = frozenset(
    {"attract", "invite", "allow", "encourage", "ask", "help", "enable", "let", "persuade", "lure", "get"}
)
#: Verbs of object control: "attracting brands to settle in", "urged SoftBank to sell": the object does the infinitive.
#: Verbs of moving someone to act: '… prompting Alibaba to merge Ele.me into its Taobao Shangou service', 'spurred
#: rivals to cut their fees'.
CAUSE_VERBS = frozenset({"prompt", "spur", "encourage", "persuade", "convince", "prod", "cause"})
OBJECT_CONTROL = (
    INVITE_VERBS
    # ('Elliott urged SoftBank to sell its stake', 'pressing the group to spin off its unit')
    | {"press", "pressure", "urge", "push", "force", "order", "require", "tell", "compel", "want"}
    | CAUSE_VERBS
    | APPOINT_TO_VERBS
)
#: Words after "bring" that make it "bring goods" (live-commerce selling).
GOODS_NOUNS = frozenset({"good", "goods", "product", "merchandise"})
#: Nouns whose "of" argument is what a verb acts on ("suspended the use of X").
PASS_THROUGH = frozenset(
    {
        "use",
        "generation",
        "edition",
        "operation",
        "operations",
        "service",
        "version",
        "function",
        "running",
        # 'a long list (group, host) of backers such as A and B'
        "list",
        "group",
        "host",
        "number",
        "range",
        "roster",
        "consortium",
        "syndicate",
        # 'competes with a crowded field (a slew, a clutch) of operators, including A and B'
        "field",
        "slew",
        "clutch",
        "crop",
        "array",
        "handful",
        "string",
    }
)
#: Words after which a code in capitals is a listing code, never a name: "trades under the ticker DIDIY".
TICKER_WORDS = frozenset({"ticker", "tickers", "symbol", "symbols", "code"})
#: Nouns of what an organization does, as a whole or in part: "head of TikTok's global business".
OPERATIONS_NOUNS = frozenset({"business", "operation", "operations"})
#: Roles of whoever runs a whole business ('chief executive of TikTok's global business'), not a part of it ('head of
#: its Brazilian operations').
CHIEF_ROLES = frozenset({"CEO", "president", "chairman", "chairwoman", "chairperson"})
#: Nouns of a body of investors whose leaders "led by" names: "a consortium (a group of investors) led by A and B".
INVESTOR_GROUPS = frozenset({"group", "consortium", "syndicate", "investor", "shareholder", "backer"})
#: Verbs that list the members of what their subject names: "Y's backers include A and B".
LIST_VERBS = frozenset({"include", "comprise", "feature"})
#: Words that introduce examples of a category ("platforms such as X", "including X").
EXAMPLE_PREPS = frozenset({"as", "like", "including"})

#: References resolved to entities of the discourse.
PAIR_REFS = frozenset(
    {
        "the two sides",
        "both sides",
        "both parties",
        "the two parties",
        "the two companies",
        "both companies",
        "the two",
        "the pair",
        "the duo",
    }
)
#: Nouns of the companies one group holds, named by its owner: 'part of the Haier stable', 'part of Alibaba's empire'
#: (not 'part of JD's ecosystem', a platform's partners, nor 'part of Tencent's portfolio', its investments).
HOLDINGS_NOUNS = frozenset({"stable", "empire", "family", "fold"})
#: Head nouns of a reference to a group over units ('the group's logistics arm'): never one of its units.
GROUP_NOUNS = frozenset({"group", "conglomerate", "parent"})
#: Units whose 'of' names their parent: "the livestream arm of New Oriental", "a subsidiary of Jiuzhou Culture" name
#: a company, whatever the name's shape suggests (not "brand": "a brand of Shanghai" would be a place's).
UNIT_OF_PARENT_NOUNS = frozenset({"arm", "unit", "subsidiary", "division", "affiliate", "offshoot", "spin-off"})
SINGLE_REFS = frozenset(
    {
        "the platform",
        "the company",
        "the firm",
        "the group",
        "it",
        "its",
        "the newcomer",
        "the app",
        "the startup",
        "the retailer",
        "the marketplace",
        "the brand",
        "the giant",
    }
)
PROGRAM_REFS = frozenset(
    {
        "the plan",
        "the program",
        "the programme",
        "the project",
        "the scheme",
        "the initiative",
        "the campaign",
        "the feature",
        "the mechanism",
        "the convention",
    }
)
PERSON_REFS = frozenset({"he", "him", "his", "she", "her", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})

#: Nouns counted by quantities ("300 million monthly active users").
COUNT_NOUNS = frozenset(
    {
        "user",
        "merchant",
        "seller",
        "store",
        "shop",
        "brand",
        "creator",
        "blogger",
        "order",
        "employee",
        "member",
        "subscriber",
        "download",
        "customer",
        "buyer",
        "rider",
        "driver",
        "anchor",
        "streamer",
        "view",
        "viewer",
        "follower",
        "vehicle",
        "car",
        "courier",
        "visitor",
        "passenger",
    }
)

#: Statements that did not (or may not) happen: negation, speculative modals, verbs of wish, doubt and talk.
#: A future or a decided plan is stated ("A will acquire B", "A plans to acquire B", "A agreed to buy B"):
#: news reports them as facts with a date, and researchers want them (docs/annotation-guide.md).
MODALS = frozenset({"may", "might", "could", "would", "should"})
IRREALIS_HEADS = frozenset(
    {
        "consider",
        "hope",
        "want",
        "refuse",
        "fail",
        "decline",
        "threaten",
        "mull",
        "weigh",
        "deny",
        "explore",
        "rumor",
        "rumour",
        "bid",
        "attempt",
        "offer",
        "effort",
        "proposal",
        "talk",
        "negotiate",
        "propose",
        "try",
        "wish",
    }
)
#: Heads that deny what follows ("refused to compete with"), unlike those that only intend it ("tries to").
DENIAL_HEADS = frozenset({"refuse", "fail", "decline", "deny"})
#: Predicates stated by an intent as well as by a fact: "A tries to win users from B" says they are rivals.
STATIVE_RIVALRY = frozenset({"competes_with"})
