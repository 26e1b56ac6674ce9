import GRDB

/// The store's tables, as GRDB migrations: one per schema version, applied in
/// order, never edited once released (docs/store.md lists them).
///
/// A store made by this version and opened by a later one is migrated on
/// open; a store with versions this one does not know is refused
/// (``StoreError/newerStore(path:unknownVersions:)``).
enum StoreSchema {
    /// `PRAGMA application_id`: marks the SQLite file as a PolicyGraph store ("PGRF").
    static let applicationID: Int32 = 0x5047_5246

    /// Versions a store may lack and still be read as it is: they only drop indexes, so every
    /// query gives the same answer with or without them (the next write applies them).
    static let notNeededForReading: Set<String> = ["v4"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            // Documents: the id is the path as given (relative), the extraction is kept so the graph can be rebuilt.
            try db.execute(sql: """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY NOT NULL,
                    content_hash TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    published TEXT,
                    published_year INTEGER,
                    published_source TEXT,
                    simhash INTEGER NOT NULL,
                    shingles INTEGER NOT NULL,
                    duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
                    extraction BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
                CREATE INDEX documents_published ON documents(published);

                CREATE TABLE nodes (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    label TEXT NOT NULL,
                    ontology_id TEXT,
                    parent TEXT,
                    first_seen TEXT,
                    last_seen TEXT,
                    published TEXT,
                    document_count INTEGER NOT NULL,
                    data BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX nodes_kind_label ON nodes(kind, label);

                CREATE TABLE names (
                    node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL,
                    is_label INTEGER NOT NULL,
                    PRIMARY KEY (node_id, name)
                ) WITHOUT ROWID;
                CREATE INDEX names_key ON names(key);

                CREATE TABLE node_documents (
                    node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                    document_id TEXT NOT NULL,
                    PRIMARY KEY (node_id, document_id)
                ) WITHOUT ROWID;
                CREATE INDEX node_documents_document ON node_documents(document_id);

                CREATE TABLE targets (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                    subject_id TEXT NOT NULL,
                    subject_kind TEXT NOT NULL,
                    relation TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    month INTEGER,
                    end_year INTEGER,
                    end_month INTEGER,
                    action TEXT,
                    topic TEXT,
                    topic_key TEXT NOT NULL,
                    value TEXT,
                    modality TEXT NOT NULL,
                    technology_id TEXT
                ) WITHOUT ROWID;
                CREATE INDEX targets_query ON targets(subject_kind, modality, year);
                CREATE INDEX targets_subject ON targets(subject_id);
                CREATE INDEX targets_technology ON targets(technology_id);

                CREATE TABLE edges (
                    id TEXT PRIMARY KEY NOT NULL,
                    type TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    weight INTEGER NOT NULL,
                    data BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX edges_source ON edges(source_id, type);
                CREATE INDEX edges_target ON edges(target_id, type);

                CREATE TABLE edge_sources (
                    edge_id TEXT NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    document_id TEXT NOT NULL,
                    sentence TEXT,
                    start INTEGER,
                    "end" INTEGER,
                    rule TEXT,
                    PRIMARY KEY (edge_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX edge_sources_document ON edge_sources(document_id);

                -- Traditional → simplified characters (and full-width forms), for lookups without the ontology.
                CREATE TABLE folding (
                    "from" TEXT PRIMARY KEY NOT NULL,
                    "to" TEXT NOT NULL
                ) WITHOUT ROWID;

                -- How the graph is built (co_mentions = 1 or 0).
                CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

                CREATE VIEW mentions AS
                    SELECT e.source_id AS entity_id, s.document_id, s.sentence, s.start, s."end", s.rule
                    FROM edges e JOIN edge_sources s ON s.edge_id = e.id
                    WHERE e.type = 'mentioned_in';
                """)
        }
        // v2: extractions in a table of their own (small document rows), each sentence once,
        // edges without a JSON copy. The graph tables are emptied and rebuilt by the next add or remove.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE extractions (
                    document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    data BLOB NOT NULL
                );
                INSERT INTO extractions (document_id, data) SELECT id, extraction FROM documents;
                ALTER TABLE documents DROP COLUMN extraction;

                DROP VIEW mentions;
                DROP TABLE edge_sources;
                DROP TABLE edges;
                DELETE FROM targets;
                DELETE FROM node_documents;
                DELETE FROM names;
                DELETE FROM nodes;

                CREATE TABLE edges (
                    id TEXT PRIMARY KEY NOT NULL,
                    type TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    weight INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX edges_source ON edges(source_id, type);
                CREATE INDEX edges_target ON edges(target_id, type);

                -- Each distinct sentence once (many edges are read from one sentence).
                CREATE TABLE sentences (
                    id INTEGER PRIMARY KEY,
                    text TEXT NOT NULL UNIQUE
                );

                CREATE TABLE edge_sources (
                    edge_id TEXT NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    document_id TEXT NOT NULL,
                    sentence_id INTEGER REFERENCES sentences(id),
                    start INTEGER,
                    "end" INTEGER,
                    -- Offsets beyond [start, end), as JSON (none so far); NULL otherwise.
                    more_offsets TEXT,
                    rule TEXT,
                    PRIMARY KEY (edge_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX edge_sources_document ON edge_sources(document_id);

                -- Edge sources with their sentence's text.
                CREATE VIEW sources AS
                    SELECT s.edge_id, s.position, s.document_id, t.text AS sentence, s.start, s."end", s.rule
                    FROM edge_sources s LEFT JOIN sentences t ON t.id = s.sentence_id;

                CREATE VIEW mentions AS
                    SELECT e.source_id AS entity_id, s.document_id, s.sentence, s.start, s."end", s.rule
                    FROM edges e JOIN sources s ON s.edge_id = e.id
                    WHERE e.type = 'mentioned_in';

                INSERT OR REPLACE INTO settings (key, value) VALUES ('needs_rebuild', '1');
                """)
        }
        // v3: targets keyed by an integer (`number`) beside their text id, with the day of their time;
        // `target_sources` holds each target's sources with their sentence and publication date, one
        // range of the table per target, so the grouped answers read no edge, sentence or document
        // row. The graph tables are emptied and rebuilt by the next add or remove.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                DROP TABLE targets;
                DELETE FROM edge_sources;
                DELETE FROM sentences;
                DELETE FROM edges;
                DELETE FROM node_documents;
                DELETE FROM names;
                DELETE FROM nodes;

                CREATE TABLE targets (
                    number INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    subject_id TEXT NOT NULL,
                    subject_kind TEXT NOT NULL,
                    relation TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    month INTEGER,
                    end_year INTEGER,
                    end_month INTEGER,
                    day INTEGER,
                    end_day INTEGER,
                    action TEXT,
                    topic TEXT,
                    topic_key TEXT NOT NULL,
                    value TEXT,
                    modality TEXT NOT NULL,
                    technology_id TEXT
                );
                CREATE INDEX targets_query ON targets(subject_kind, modality, year);
                CREATE INDEX targets_subject ON targets(subject_id);
                CREATE INDEX targets_technology ON targets(technology_id);

                -- The sources of each target's holds_target edge (as edge_sources has them), in order,
                -- with the sentence's text and the document's publication date beside them.
                CREATE TABLE target_sources (
                    target INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    document_id TEXT NOT NULL,
                    published TEXT,
                    start INTEGER,
                    "end" INTEGER,
                    rule TEXT,
                    sentence TEXT,
                    PRIMARY KEY (target, position)
                ) WITHOUT ROWID;

                INSERT OR REPLACE INTO settings (key, value) VALUES ('needs_rebuild', '1');
                """)
        }
        // v4: no index on the document of each edge source and of each node's document row. No
        // query reads them (an entity's documents are read by node, a document's mentions through
        // `edges(target_id, type)`: the document node is the target of its `mentioned_in` edges),
        // and `build` sorted about 0.9 M records at 100 MB of corpus to make them. Nothing to rebuild.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS edge_sources_document;
                DROP INDEX IF EXISTS node_documents_document;
                """)
        }
        return migrator
    }
}
