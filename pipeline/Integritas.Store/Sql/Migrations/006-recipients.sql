-- Version 6: who receives a bursted packet: scope 'unit' (subject = unit code) or 'instansi' (subject = instansi name).
CREATE TABLE recipient (
    scope       VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    email       VARCHAR NOT NULL,
    file_id     BIGINT  NOT NULL,
    source_line INTEGER NOT NULL
);
