"""The kg vocabulary: every class and property the graph uses, in one place.

``kg/ontology.ttl`` beside this file declares the same terms with labels, comments and
alignments (schema.org, Wikidata, PROV-O, Web Annotation). ``tests/test_vocab.py`` checks the two
agree. Data IRIs (entities, documents, statements …) live under :data:`ID`; build them with
:mod:`kg.iri`, never from raw text.

>>> str(KG.partner_of)
'https://w3id.org/kg-explorer/ontology#partner_of'
>>> KG.no_such_term
Traceback (most recent call last):
...
AttributeError: term 'no_such_term' not in namespace 'https://w3id.org/kg-explorer/ontology#'
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.schema import SCHEMA, SYMMETRIC

ONTOLOGY_IRI = "https://w3id.org/kg-explorer/ontology"
ID = Namespace("https://w3id.org/kg-explorer/id/")


class KG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # --- classes: things in the world (coarse types) ----------------------------------------
    Entity: URIRef  # anything an article names
    Organization: URIRef
    Person: URIRef
    Program: URIRef  # programs, plans, projects, conventions, products-as-initiatives
    Event: URIRef  # a named event, e.g. a shopping festival
    Place: URIRef
    Other: URIRef
    # --- classes: the record of what was read ------------------------------------------------
    Document: URIRef
    Mention: URIRef  # one span of a document that refers to an entity
    Statement: URIRef  # a reified relation with date, confidence, rule and evidence
    Evidence: URIRef  # where a statement is stated: document, sentence, offsets
    CoMention: URIRef  # two entities named in one sentence (not a typed relation)
    EventRecord: URIRef  # an n-ary event: investment, partnership, launch …
    Participation: URIRef  # one participant of an EventRecord with its role
    Quantity: URIRef  # money, percentage or count about an entity
    KnowledgeBase: URIRef  # a curated YAML source of background facts

    # --- core relations (direct triples between entities) ------------------------------------
    partner_of: URIRef
    invested_in: URIRef
    acquired: URIRef
    part_of: URIRef
    owns: URIRef
    founded: URIRef
    leads: URIRef
    succeeded: URIRef
    launched: URIRef
    suspended: URIRef
    relaunched: URIRef
    closed: URIRef
    participant_in: URIRef
    competes_with: URIRef
    operates_on: URIRef
    published: URIRef
    fined: URIRef
    investigated: URIRef
    listed_on: URIRef

    # --- entity properties --------------------------------------------------------------------
    kbId: URIRef  # the knowledge-base id an entity was linked to
    versionOf: URIRef  # "Xiaohongxing 2.0" is a version of Xiaohongxing
    versionLabel: URIRef  # "2.0"
    mentionCount: URIRef  # mentions of the entity in one document (on a CoMention: shared sentences)
    mentionedLabel: URIRef  # the name one document gives an entity (its one rdfs:label is in the labels graph)

    # --- document properties ------------------------------------------------------------------
    text: URIRef  # the cleaned text that every offset refers to
    sourcePath: URIRef
    contentHash: URIRef
    language: URIRef
    published_date: URIRef  # the article's publication date (typed literal, its precision kept)

    # --- mention properties -------------------------------------------------------------------
    document: URIRef
    refersTo: URIRef
    start: URIRef  # character offset, inclusive, into the document's kg:text
    end: URIRef  # character offset, exclusive
    surface: URIRef

    # --- statement properties -----------------------------------------------------------------
    date: URIRef  # xsd:gYear, xsd:gYearMonth or xsd:date, by precision
    datePrecision: URIRef  # "year" | "month" | "day"
    yearInferred: URIRef
    confidence: URIRef
    rule: URIRef  # id of the rule that made it
    source: URIRef  # "text" | "kb"
    role: URIRef  # role of a leader ("CEO") or of an event participant
    resolvedBy: URIRef  # how a reference ("the two sides") was resolved, when it was
    event: URIRef  # the EventRecord a statement belongs to
    evidence: URIRef  # statement/event/quantity -> Evidence
    sentence: URIRef  # Evidence -> exact sentence text
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef

    # --- co-mention, event, quantity properties -----------------------------------------------
    member: URIRef  # CoMention -> entity (two of them)
    eventType: URIRef  # "investment" | "partnership" | "launch" | …
    participant: URIRef  # EventRecord -> Participation
    entity: URIRef  # Participation -> entity
    amount: URIRef  # EventRecord -> Quantity
    about: URIRef  # Quantity -> entity
    attribute: URIRef  # "monthly active users"
    value: URIRef  # xsd:decimal
    valueMax: URIRef  # upper bound of a range (70%-80%)
    unit: URIRef  # "users", "CNY", "USD", "percent"

    # --- curation (kg.curate: a researcher's corrections, in the curations graph) ---------------
    Curation: URIRef  # one correction a person made: reject, confirm, merge, set-type …
    curationAction: URIRef  # "reject" | "confirm" | "merge" | "split-alias" | "set-type" | "add-alias" | "rename" …
    curatedBy: URIRef  # a graph -> a curation that changed it (on the graph's own node, in that graph)
    curatedSubject: URIRef  # the fact a reject / confirm / add-fact is about: its subject entity …
    curatedPredicate: URIRef  # … its relation
    curatedObject: URIRef  # … and its object entity
    curatedEntity: URIRef  # the entity a merge, split, type, alias or rename is about
    curatedDocument: URIRef  # the document a fact curation is limited to or cites
    curatedValue: URIRef  # the new type, label or alias
    mergedInto: URIRef  # merge: the entity the curated entity became an alias of
    curation: URIRef  # a statement a person added -> its Curation

    # --- claims (kg.explore.claims: every statement of one fact, grouped; in the claims graph) ---
    Claim: URIRef  # one (subject, predicate, object) with what every document graph reporting it says
    claimSubject: URIRef  # Claim -> its subject entity (a symmetric relation's ends in key order) …
    claimPredicate: URIRef  # … its relation
    claimObject: URIRef  # … and its object entity
    documentCount: URIRef  # Claim -> how many documents report it
    sourceCount: URIRef  # Claim -> how many distinct sources (publishers) report it
    reportedBy: URIRef  # Claim -> a source's name (front matter source, else the URL's host, else the document id)
    firstReported: URIRef  # Claim -> the earliest publication date of its documents (reporting time)
    lastReported: URIRef  # Claim -> the latest
    eventDate: URIRef  # Claim -> a date its reports give the fact (event time)
    conflict: URIRef  # Claim -> one conflict between its reports, naming sources

    # --- bookkeeping --------------------------------------------------------------------------
    builtAt: URIRef  # in the meta graph: when the graph last changed


#: Relations that hold both ways; stored once, matched either way (from kg/schema.yaml).
SYMMETRIC_RELATIONS = SYMMETRIC

#: The core relation vocabulary, by local name (from kg/schema.yaml).
RELATIONS = tuple(SCHEMA)

#: Coarse entity types, by local name.
ENTITY_TYPES = ("Organization", "Person", "Program", "Event", "Place", "Other")

#: Graph names.
KB_GRAPH = ID["graph/kb"]
META_GRAPH = ID["graph/meta"]
CURATIONS_GRAPH = ID["graph/curations"]  # what people corrected, and their additions (kg.curate)
LABELS_GRAPH = ID["graph/labels"]  # one rdfs:label per entity not in the knowledge base (kg.labels)
CLAIMS_GRAPH = ID["graph/claims"]  # every claim, grouped from its statements (kg.explore.claims)
