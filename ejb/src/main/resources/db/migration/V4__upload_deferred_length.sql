-- creation-defer-length: an upload's length may be declared after it was created.
ALTER TABLE uploads ALTER COLUMN upload_length DROP NOT NULL;
ALTER TABLE uploads DROP CONSTRAINT uploads_offset_ck;
ALTER TABLE uploads ADD CONSTRAINT uploads_offset_ck
  CHECK (upload_offset >= 0 AND (upload_length IS NULL OR upload_offset <= upload_length));
