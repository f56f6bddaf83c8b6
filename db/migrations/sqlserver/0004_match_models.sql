-- Trained matching models: incremental match runs score with the model the last rebuild trained.
-- The document holds m/u-probabilities per comparison level, λ and the thresholds (MatchModelDocument).

CREATE TABLE match_models (
    id bigint IDENTITY(1,1) NOT NULL,
    document nvarchar(max) NOT NULL,
    record_count int NOT NULL,
    trained_at datetimeoffset NOT NULL,
    CONSTRAINT pk_match_models PRIMARY KEY (id)
);

CREATE INDEX ix_match_models_trained_at ON match_models (trained_at);
