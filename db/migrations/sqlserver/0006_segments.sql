-- Segments (docs/segments.md): named rules, their materialised memberships with entered/exited times, and
-- the computed traits the rules read, folded incrementally from touchpoints.

CREATE TABLE segments (
    id int IDENTITY(1,1) NOT NULL,
    name nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    [rule] nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    description nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    schedule nvarchar(120) COLLATE Latin1_General_100_CS_AS_SC,
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    last_refreshed_at datetimeoffset,
    member_count int NOT NULL,
    CONSTRAINT pk_segments PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ux_segments_name ON segments (name);

CREATE TABLE segment_memberships (
    id bigint IDENTITY(1,1) NOT NULL,
    segment_id int NOT NULL,
    profile_id uniqueidentifier NOT NULL,
    entered_at datetimeoffset NOT NULL,
    exited_at datetimeoffset,
    CONSTRAINT pk_segment_memberships PRIMARY KEY (id),
    CONSTRAINT fk_segment_memberships_segment_id FOREIGN KEY (segment_id) REFERENCES segments (id) ON DELETE CASCADE,
    CONSTRAINT fk_segment_memberships_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE
);

-- The current members in profile-id order (audience keyset paging); one open stay per profile.
CREATE UNIQUE INDEX ux_segment_memberships_segment_id_profile_id ON segment_memberships (segment_id, profile_id) WHERE exited_at IS NULL;
CREATE INDEX ix_segment_memberships_segment_id_entered_at ON segment_memberships (segment_id, entered_at);
CREATE INDEX ix_segment_memberships_segment_id_exited_at ON segment_memberships (segment_id, exited_at);
CREATE INDEX ix_segment_memberships_profile_id ON segment_memberships (profile_id);

-- The trait fold recomputes the profiles whose records were linked since its last run.
CREATE INDEX ix_profile_memberships_linked_at ON profile_memberships (linked_at);

CREATE TABLE profile_traits (
    profile_id uniqueidentifier NOT NULL,
    purchase_count int NOT NULL,
    revenue float NOT NULL,
    first_purchase_at datetimeoffset,
    last_purchase_at datetimeoffset,
    touchpoint_count int NOT NULL,
    touchpoints_before_first_purchase int,
    email_opens int NOT NULL,
    email_clicks int NOT NULL,
    last_email_open_at datetimeoffset,
    last_email_click_at datetimeoffset,
    last_contact_at datetimeoffset,
    loyalty_tier nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC,
    loyalty_points float,
    loyalty_at datetimeoffset,
    watermark bigint NOT NULL,
    computed_at datetimeoffset NOT NULL,
    CONSTRAINT pk_profile_traits PRIMARY KEY (profile_id),
    CONSTRAINT fk_profile_traits_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE INDEX ix_profile_traits_watermark ON profile_traits (watermark);

-- A number inside a JSON document (touchpoint metrics), for rules such as support.poor_rating: NULL unless the
-- member is a JSON number (OPENJSON type 2), as the PostgreSQL function of the same name. A CREATE FUNCTION
-- must start its own batch.
GO
CREATE FUNCTION dbo.profilehub_json_number(@document nvarchar(max), @key nvarchar(200)) RETURNS float
WITH SCHEMABINDING AS
BEGIN
    RETURN (SELECT TRY_CAST(j.[value] AS float) FROM OPENJSON(@document) j WHERE j.[key] = @key AND j.[type] = 2);
END;
