-- The store: rulings, their sections, full-text index, findings, harvest log, labels, models.
-- One row per ECLI. Lists of metadata are JSON arrays (readable from sqlite3, Datasette, pandas).

CREATE TABLE ruling (
    id               INTEGER PRIMARY KEY,
    ecli             TEXT NOT NULL UNIQUE,
    doc_type         TEXT NOT NULL DEFAULT 'uitspraak',
    court            TEXT NOT NULL DEFAULT '',
    court_code       TEXT NOT NULL DEFAULT '',
    court_uri        TEXT,
    seat             TEXT,
    decision_date    TEXT,
    year             INTEGER,
    publication_date TEXT,
    modified         TEXT,
    case_numbers     TEXT NOT NULL DEFAULT '[]',
    procedures       TEXT NOT NULL DEFAULT '[]',
    subjects         TEXT NOT NULL DEFAULT '[]',
    law_references   TEXT NOT NULL DEFAULT '[]',
    relations        TEXT NOT NULL DEFAULT '[]',
    replaces         TEXT NOT NULL DEFAULT '[]',
    replaced_by      TEXT,
    vindplaatsen     TEXT NOT NULL DEFAULT '[]',
    title            TEXT,
    inhoudsindicatie TEXT NOT NULL DEFAULT '',
    info             TEXT NOT NULL DEFAULT '',
    has_body         INTEGER NOT NULL DEFAULT 0,
    content_hash     TEXT NOT NULL,
    source           TEXT NOT NULL DEFAULT '',
    origin           TEXT NOT NULL DEFAULT '',
    imported_at      TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX ruling_court ON ruling (court_code);
CREATE INDEX ruling_date ON ruling (decision_date);

CREATE TABLE section (
    id        INTEGER PRIMARY KEY,
    ruling_id INTEGER NOT NULL REFERENCES ruling (id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    heading   TEXT NOT NULL DEFAULT '',
    number    TEXT,
    role      TEXT NOT NULL DEFAULT 'other',
    text      TEXT NOT NULL DEFAULT '',
    UNIQUE (ruling_id, idx)
);

-- parketnummers, one row each, so rulings of one case can be grouped (export)
CREATE TABLE case_number (
    ruling_id INTEGER NOT NULL REFERENCES ruling (id) ON DELETE CASCADE,
    number    TEXT NOT NULL,
    PRIMARY KEY (ruling_id, number)
);
CREATE INDEX case_number_number ON case_number (number);

-- articles a ruling concerns: from the metadata at import, from the text after extraction
CREATE TABLE ruling_article (
    ruling_id INTEGER NOT NULL REFERENCES ruling (id) ON DELETE CASCADE,
    article   TEXT NOT NULL,
    law       TEXT NOT NULL DEFAULT '',
    origin    TEXT NOT NULL,           -- metadata | text
    PRIMARY KEY (ruling_id, article, law, origin)
);
CREATE INDEX ruling_article_article ON ruling_article (article);

-- the text one full-text row is made of: ECLI, summary and the whole body
CREATE VIEW ruling_text AS
SELECT r.id AS rowid,
       r.ecli AS ecli,
       r.inhoudsindicatie AS inhoudsindicatie,
       coalesce((SELECT group_concat(heading || char(10) || text, char(10))
                 FROM (SELECT heading, text FROM section s WHERE s.ruling_id = r.id ORDER BY idx)),
                '') AS body
FROM ruling r;

CREATE VIRTUAL TABLE ruling_fts USING fts5(
    ecli, inhoudsindicatie, body,
    content = 'ruling_text', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE extraction (
    ruling_id        INTEGER PRIMARY KEY REFERENCES ruling (id) ON DELETE CASCADE,
    pipeline_version TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    acquittal        INTEGER NOT NULL DEFAULT 0,
    extracted_at     TEXT NOT NULL
);

CREATE TABLE finding (
    id          INTEGER PRIMARY KEY,
    ruling_id   INTEGER NOT NULL REFERENCES ruling (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,         -- article | sanction | acquittal | age | payment | circumstance | reference | contact
    section_idx INTEGER,
    role        TEXT,
    start       INTEGER,
    end         INTEGER,
    text        TEXT,
    sentence    TEXT,
    data        TEXT NOT NULL          -- the finding as JSON, without its evidence
);
CREATE INDEX finding_ruling ON finding (ruling_id, kind);

CREATE TABLE harvest_log (
    ecli       TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    status     TEXT NOT NULL,          -- stored | failed | gone
    modified   TEXT,                   -- the source's change stamp of what was stored
    raw_path   TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX harvest_log_status ON harvest_log (status);

CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- reviewers' decisions, keyed by ECLI so they survive re-imports; label_event keeps the history
CREATE TABLE label (
    ecli       TEXT PRIMARY KEY,
    label      TEXT NOT NULL CHECK (label IN ('include', 'exclude', 'skip')),
    note       TEXT NOT NULL DEFAULT '',
    labelled_at TEXT NOT NULL
);
CREATE TABLE label_event (
    id         INTEGER PRIMARY KEY,
    ecli       TEXT NOT NULL,
    label      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    labelled_at TEXT NOT NULL
);

CREATE TABLE model_run (
    id         INTEGER PRIMARY KEY,
    version    TEXT NOT NULL,
    data_hash  TEXT NOT NULL,
    trained_at TEXT NOT NULL,
    metrics    TEXT NOT NULL DEFAULT '{}',
    path       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE score (
    ecli          TEXT PRIMARY KEY,
    score         REAL NOT NULL,
    reasons       TEXT NOT NULL DEFAULT '[]',
    model_version TEXT NOT NULL,
    summary_only  INTEGER NOT NULL DEFAULT 0,
    scored_at     TEXT NOT NULL
);
