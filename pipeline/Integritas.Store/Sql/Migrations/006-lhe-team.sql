-- Version 6: the TPI team assigned to evaluate a unit in a year (lhe-tim.csv), for the LHE's Lampiran.
CREATE TABLE lhe_team (
    unit_id     VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    surat_tugas VARCHAR NOT NULL,
    start_date  DATE    NOT NULL,
    end_date    DATE    NOT NULL,
    role        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    nip         VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    file_id     BIGINT  NOT NULL,
    source_line INTEGER NOT NULL
);
