-- Segments (docs/segments.md): named rules, their materialised memberships with entered/exited times, and
-- the computed traits the rules read, folded incrementally from touchpoints.

CREATE TABLE "segments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_segments" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "description" TEXT NULL,
    "schedule" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "last_refreshed_at" INTEGER NULL,
    "member_count" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ux_segments_name" ON "segments" ("name");

CREATE TABLE "segment_memberships" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_segment_memberships" PRIMARY KEY AUTOINCREMENT,
    "segment_id" INTEGER NOT NULL,
    "profile_id" TEXT NOT NULL,
    "entered_at" INTEGER NOT NULL,
    "exited_at" INTEGER NULL,
    CONSTRAINT "fk_segment_memberships_segment_id" FOREIGN KEY ("segment_id") REFERENCES "segments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_segment_memberships_profile_id" FOREIGN KEY ("profile_id") REFERENCES "profiles" ("id") ON DELETE CASCADE
);

-- The current members in profile-id order (audience keyset paging); one open stay per profile.
CREATE UNIQUE INDEX "ux_segment_memberships_segment_id_profile_id" ON "segment_memberships" ("segment_id", "profile_id") WHERE exited_at IS NULL;
CREATE INDEX "ix_segment_memberships_segment_id_entered_at" ON "segment_memberships" ("segment_id", "entered_at");
CREATE INDEX "ix_segment_memberships_segment_id_exited_at" ON "segment_memberships" ("segment_id", "exited_at");
CREATE INDEX "ix_segment_memberships_profile_id" ON "segment_memberships" ("profile_id");

-- The trait fold recomputes the profiles whose records were linked since its last run.
CREATE INDEX "ix_profile_memberships_linked_at" ON "profile_memberships" ("linked_at");

CREATE TABLE "profile_traits" (
    "profile_id" TEXT NOT NULL CONSTRAINT "pk_profile_traits" PRIMARY KEY,
    "purchase_count" INTEGER NOT NULL,
    "revenue" REAL NOT NULL,
    "first_purchase_at" INTEGER NULL,
    "last_purchase_at" INTEGER NULL,
    "touchpoint_count" INTEGER NOT NULL,
    "touchpoints_before_first_purchase" INTEGER NULL,
    "email_opens" INTEGER NOT NULL,
    "email_clicks" INTEGER NOT NULL,
    "last_email_open_at" INTEGER NULL,
    "last_email_click_at" INTEGER NULL,
    "last_contact_at" INTEGER NULL,
    "loyalty_tier" TEXT NULL,
    "loyalty_points" REAL NULL,
    "loyalty_at" INTEGER NULL,
    "watermark" INTEGER NOT NULL,
    "computed_at" INTEGER NOT NULL,
    CONSTRAINT "fk_profile_traits_profile_id" FOREIGN KEY ("profile_id") REFERENCES "profiles" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_profile_traits_watermark" ON "profile_traits" ("watermark");
