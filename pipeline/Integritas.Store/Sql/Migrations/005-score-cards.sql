-- Version 5: each item-level submission's scores as its rule gave them when it was stored, so reading a whole
-- database's scores need not aggregate every answer again. The card is text: questions;blank;then per area of
-- the rule (in the rule's order) pemenuhan,reform,total; then per hasil part its value (empty = unknown),
-- decimals in invariant form (exact). rule_fingerprint names the rule file's content the card was scored
-- under; a card whose rule has changed since is not used (the answers are scored again).
CREATE TABLE score_card (
    submission_id    BIGINT  NOT NULL PRIMARY KEY,
    rule_fingerprint VARCHAR NOT NULL,
    card             VARCHAR NOT NULL
);
