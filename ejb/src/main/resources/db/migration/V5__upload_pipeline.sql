-- The store pipeline and concatenation: a complete upload goes on to STORED, REJECTED or FAILED;
-- a partial upload is CONCATENATED once a final upload takes it in.
ALTER TABLE uploads DROP CONSTRAINT uploads_state_ck;
ALTER TABLE uploads ADD CONSTRAINT uploads_state_ck CHECK (state IN (
  'RECEIVING', 'COMPLETE', 'TERMINATED', 'EXPIRED', 'STORED', 'REJECTED', 'FAILED', 'CONCATENATED'));
-- NULL for a plain upload, PARTIAL or FINAL for the tus concatenation extension.
ALTER TABLE uploads ADD COLUMN concat_role VARCHAR(8);
-- A final upload's partial upload ids, in order, separated by spaces.
ALTER TABLE uploads ADD COLUMN concat_parts VARCHAR(4000);
-- Why the pipeline rejected or failed the upload.
ALTER TABLE uploads ADD COLUMN outcome VARCHAR(512);
