-- Version 4: the number of units an instansi aims to see awarded WBK / WBBM in an evaluation year.
CREATE TABLE target (
    year        INTEGER NOT NULL,
    instansi    VARCHAR NOT NULL,
    target_wbk  INTEGER,
    target_wbbm INTEGER,
    file_id     BIGINT  NOT NULL,
    source_line INTEGER NOT NULL
);
