"""One exception base for kg, with specific subclasses.

Every message names the bad value (file, query, setting) and says how to fix it.
"""


class KGError(Exception):
    """Base of every error kg raises on purpose."""


class SettingError(KGError):
    """A setting has an unknown name or a value of the wrong type."""


class ModelNotFoundError(KGError):
    """No spaCy pipeline of the configured name is installed."""


class DocumentError(KGError):
    """One input article cannot be read: unreadable, not UTF-8, bad front matter, empty."""

    def __init__(self, source: str, reason: str, fix: str = ""):
        self.source = source
        self.reason = reason
        self.fix = fix
        super().__init__(f"{source}: {reason}" + (f" ({fix})" if fix else ""))

    def __reduce__(self):  # it crosses from extraction worker processes to the build
        return type(self), (self.source, self.reason, self.fix)


class ExportFormatError(KGError):
    """An export (the whole graph or one view) asks for a format that is not offered."""


class SelfContainedPageError(KGError):
    """A page the app would show still loads something from the network."""


class KnowledgeBaseError(KGError):
    """A knowledge-base YAML file is malformed."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""

    #: set by a writer's ``write_documents``: ids of the documents of the batch that landed before the error
    written: tuple[str, ...] = ()


class StoreLockedError(StoreError):
    """Another process holds the store's single read-write handle."""


class QueryError(KGError):
    """A SPARQL query is malformed or failed while running."""


class QueryRefusedError(QueryError):
    """A SPARQL query asks for something the guard does not allow (update, SERVICE, LOAD, FROM …)."""


class QueryTimeoutError(QueryError):
    """A SPARQL query ran past the time limit and was stopped."""


class RemoteStoreError(StoreError):
    """A remote SPARQL store answered with an error or could not be reached."""


class AnnotationError(KGError):
    """An evaluation annotation file is malformed."""

    def __init__(self, source: str, reason: str, fix: str = ""):
        self.source = source
        self.reason = reason
        self.fix = fix
        super().__init__(f"{source}: {reason}" + (f" ({fix})" if fix else ""))


class SavedStructureError(KGError):
    """A per-version structure saved beside the store (kg.explore.persist) is of another format, graph version or
    code, or corrupt; it is rebuilt, never used."""
