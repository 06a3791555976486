-- Resumable (tus) uploads. Their bytes live on the staging volume, one partial file each.

CREATE TABLE uploads (
  id             VARCHAR(32)   NOT NULL PRIMARY KEY,
  pool_id        VARCHAR(36)   NOT NULL REFERENCES pools (id),
  owner_id       VARCHAR(36)   NOT NULL REFERENCES users (id),
  client_id      VARCHAR(36)   NOT NULL,
  client_name    VARCHAR(64)   NOT NULL,
  upload_length  BIGINT        NOT NULL,
  upload_offset  BIGINT        NOT NULL,
  metadata       VARCHAR(4096),
  file_name      VARCHAR(255),
  file_type      VARCHAR(255),
  file_timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
  state          VARCHAR(16)   NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        BIGINT        NOT NULL,
  CONSTRAINT uploads_offset_ck CHECK (upload_offset BETWEEN 0 AND upload_length),
  CONSTRAINT uploads_state_ck CHECK (state IN ('RECEIVING', 'COMPLETE', 'TERMINATED', 'EXPIRED'))
);
CREATE INDEX uploads_state_expires_ix ON uploads (state, expires_at);
CREATE INDEX uploads_owner_ix ON uploads (owner_id);
