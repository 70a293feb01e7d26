-- Version 2: cell-level lineage, findings, recap sheets, unit and instansi facts, the PortalRB question bank.

-- The cell an answer came from (e.g. K27), beside its file (via the submission), sheet and row.
ALTER TABLE answer ADD COLUMN source_cell VARCHAR;
ALTER TABLE stage_answer ADD COLUMN cell VARCHAR;

-- 'items' for an item-level LKE, 'recap' for a recap sheet's area scores.
ALTER TABLE submission ADD COLUMN source_kind VARCHAR DEFAULT 'items';
ALTER TABLE stage_submission ADD COLUMN source_kind VARCHAR DEFAULT 'items';

-- What a landed file says that is not an error: cached values that differ from the recomputed ones,
-- values typed over formulas, answer kinds read despite typos, divisions by zero.
CREATE TABLE finding (
    file_id    BIGINT  NOT NULL,
    unit_id    VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    reviewer   VARCHAR NOT NULL,
    sheet      VARCHAR,
    cell       VARCHAR,
    level      VARCHAR NOT NULL,
    item       VARCHAR,
    cached     DECIMAL(38, 10),
    recomputed DECIMAL(38, 10),
    message    VARCHAR NOT NULL
);

-- A recap sheet's scores: metric = area:MP, area:MP:pemenuhan, part:IPAK, total (as given).
CREATE TABLE recap_value (
    submission_id BIGINT         NOT NULL,
    metric        VARCHAR        NOT NULL,
    value         DECIMAL(38, 10) NOT NULL
);


-- Facts for the 5/2024 prerequisites: scope 'instansi' (subject = instansi name) or 'unit' (subject = unit code).
CREATE TABLE fact (
    scope       VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    value       VARCHAR NOT NULL,
    file_id     BIGINT  NOT NULL,
    source_line INTEGER NOT NULL
);

-- The PortalRB question bank of an evaluation year: each soal_id with the canonical codes it maps to.
-- Count inputs ('Jumlah') name the percentage item they feed (input_of) and their position in it.
CREATE TABLE question_bank (
    year             INTEGER       NOT NULL,
    soal_id          INTEGER       NOT NULL,
    area             VARCHAR       NOT NULL,
    part             VARCHAR       NOT NULL,
    indicator        VARCHAR       NOT NULL,
    indicator_weight DECIMAL(18, 6) NOT NULL,
    question         VARCHAR       NOT NULL,
    kind             VARCHAR       NOT NULL,
    text             VARCHAR       NOT NULL,
    input_of         VARCHAR,
    input_index      INTEGER,
    file_id          BIGINT        NOT NULL
);
