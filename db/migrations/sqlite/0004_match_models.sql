-- Trained matching models: incremental match runs score with the model the last rebuild trained.
-- The document holds m/u-probabilities per comparison level, λ and the thresholds (MatchModelDocument).

CREATE TABLE "match_models" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_match_models" PRIMARY KEY AUTOINCREMENT,
    "document" TEXT NOT NULL,
    "record_count" INTEGER NOT NULL,
    "trained_at" INTEGER NOT NULL
);

CREATE INDEX "ix_match_models_trained_at" ON "match_models" ("trained_at");
