-- A processor's result may arrive as a tus upload authorised by its group's callback token: such an
-- upload belongs to the group (result_of), not to a user.
ALTER TABLE uploads ALTER COLUMN owner_id DROP NOT NULL;
ALTER TABLE uploads ADD COLUMN result_of VARCHAR(36);
ALTER TABLE uploads ADD CONSTRAINT uploads_result_of_fk FOREIGN KEY (result_of) REFERENCES file_groups (id);
ALTER TABLE uploads ADD CONSTRAINT uploads_owner_ck CHECK ((owner_id IS NULL) <> (result_of IS NULL));
