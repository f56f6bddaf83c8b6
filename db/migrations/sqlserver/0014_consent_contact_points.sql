-- Consent belongs to a contact point (issue 17): each statement names the address or number it is about, so an
-- unsubscribe of one address is never outweighed by an opt-in of another address of the same person.
ALTER TABLE record_consents ADD contact_point nvarchar(400) COLLATE Latin1_General_100_CS_AS_SC NULL;
GO

-- Statements stored before: a statement speaks for every address of its channel's kind on its record (as
-- ingestion now writes them), so a record with two addresses gets one statement per address.
INSERT INTO record_consents (record_id, channel, status, scope, observed_at, contact_point)
SELECT c.record_id, c.channel, c.status, c.scope, c.observed_at, i.normalized_value
FROM record_consents c
JOIN record_identifiers i ON i.record_id = c.record_id
    AND i.kind = CASE c.channel WHEN 'Email' THEN 'Email' WHEN 'Sms' THEN 'Phone' WHEN 'Phone' THEN 'Phone' END
WHERE c.contact_point IS NULL
    AND i.normalized_value > (SELECT min(f.normalized_value) FROM record_identifiers f WHERE f.record_id = i.record_id AND f.kind = i.kind);

UPDATE record_consents SET contact_point = (
    SELECT min(i.normalized_value) FROM record_identifiers i
    WHERE i.record_id = record_consents.record_id
        AND i.kind = CASE record_consents.channel WHEN 'Email' THEN 'Email' WHEN 'Sms' THEN 'Phone' WHEN 'Phone' THEN 'Phone' END)
WHERE contact_point IS NULL;

CREATE INDEX ix_record_consents_channel_contact_point_observed_at ON record_consents (channel, contact_point, observed_at);
