-- Imports (seed 000's download manager): a remote file or archive fetched in the background and
-- stored as files of a pool, one per archive entry.
CREATE TABLE imports (
  id           VARCHAR(32)   NOT NULL PRIMARY KEY,
  pool_id      VARCHAR(36)   NOT NULL REFERENCES pools (id),
  owner_id     VARCHAR(36)   NOT NULL REFERENCES users (id),
  client_id    VARCHAR(36)   NOT NULL,
  client_name  VARCHAR(64)   NOT NULL,
  url          VARCHAR(2048) NOT NULL,
  unarchive    BOOLEAN       NOT NULL,
  file_ts      TIMESTAMP WITH TIME ZONE,
  status       VARCHAR(12)   NOT NULL,
  bytes_done   BIGINT        NOT NULL,
  bytes_total  BIGINT,
  from_cache   BOOLEAN       NOT NULL,
  files_stored INT           NOT NULL,
  reason       VARCHAR(1024),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  version      BIGINT        NOT NULL,
  CONSTRAINT imports_status_ck CHECK (status IN ('QUEUED', 'DOWNLOADING', 'UNPACKING', 'DONE', 'FAILED', 'CANCELLED'))
);
CREATE INDEX imports_owner_ix ON imports (owner_id, created_at);

-- What was downloaded for a URL, kept on the volume for dropcart.imports.cache-ttl and revalidated
-- with its ETag / Last-Modified after that.
CREATE TABLE import_cache (
  url_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
  url           VARCHAR(2048) NOT NULL,
  size          BIGINT        NOT NULL,
  etag          VARCHAR(512),
  last_modified VARCHAR(64),
  fetched_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
