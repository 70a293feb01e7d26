-- Version 1: files, versioned LKE submissions with their answers, predicate history.
CREATE TABLE meta (
    key   VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);

-- Every file that landed something; rejected and unchanged files leave no row.
CREATE TABLE source_file (
    file_id     BIGINT      NOT NULL,
    path        VARCHAR     NOT NULL,
    file_name   VARCHAR     NOT NULL,
    sha256      VARCHAR     NOT NULL,
    format      VARCHAR     NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    row_count   BIGINT      NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL
);

-- One LKE of one unit, year and review layer, as one version. A new export for the same unit, year and
-- layer adds a version and makes it current; the old version stays queryable.
CREATE TABLE submission (
    submission_id  BIGINT      NOT NULL,
    unit_id        VARCHAR     NOT NULL,
    year           INTEGER     NOT NULL,
    reviewer       VARCHAR     NOT NULL,
    version        INTEGER     NOT NULL,
    is_current     BOOLEAN     NOT NULL,
    unit_name      VARCHAR     NOT NULL,
    instansi       VARCHAR     NOT NULL,
    rule_version   VARCHAR     NOT NULL,
    content_hash   VARCHAR     NOT NULL,
    file_id        BIGINT      NOT NULL,
    ingested_at    TIMESTAMPTZ NOT NULL,
    question_count INTEGER     NOT NULL,
    blank_count    INTEGER     NOT NULL
);

-- Answers keep the exact text given (normalised), the workbook value (ratio 0-1, NULL when blank)
-- and where they came from.
CREATE TABLE answer (
    submission_id    BIGINT         NOT NULL,
    area             VARCHAR        NOT NULL,
    part             VARCHAR        NOT NULL,
    indicator        VARCHAR        NOT NULL,
    indicator_weight DECIMAL(18, 6)  NOT NULL,
    question         VARCHAR        NOT NULL,
    kind             VARCHAR        NOT NULL,
    answer           VARCHAR        NOT NULL,
    value            DECIMAL(38, 20),
    source_line      INTEGER        NOT NULL,
    source_sheet     VARCHAR,
    note             VARCHAR
);

-- Predicates awarded (WBK, WBBM) by evaluation year.
CREATE TABLE predicate (
    unit_id     VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    predicate   VARCHAR NOT NULL,
    file_id     BIGINT  NOT NULL,
    source_line INTEGER NOT NULL
);

-- Staging for one file inside its transaction; emptied before commit.
CREATE TABLE stage_answer (
    line         INTEGER        NOT NULL,
    unit_id      VARCHAR        NOT NULL,
    year         INTEGER        NOT NULL,
    reviewer     VARCHAR        NOT NULL,
    unit_name    VARCHAR        NOT NULL,
    instansi     VARCHAR        NOT NULL,
    rule_version VARCHAR        NOT NULL,
    area         VARCHAR        NOT NULL,
    part         VARCHAR        NOT NULL,
    indicator    VARCHAR        NOT NULL,
    weight       DECIMAL(18, 6)  NOT NULL,
    question     VARCHAR        NOT NULL,
    kind         VARCHAR        NOT NULL,
    answer       VARCHAR        NOT NULL,
    value        DECIMAL(38, 20),
    sheet        VARCHAR,
    note         VARCHAR
);

CREATE TABLE stage_submission (
    submission_id  BIGINT  NOT NULL,
    unit_id        VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    reviewer       VARCHAR NOT NULL,
    version        INTEGER NOT NULL,
    replaces_id    BIGINT,
    unit_name      VARCHAR NOT NULL,
    instansi       VARCHAR NOT NULL,
    rule_version   VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    question_count INTEGER NOT NULL,
    blank_count    INTEGER NOT NULL
);
