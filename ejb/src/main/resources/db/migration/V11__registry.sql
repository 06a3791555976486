-- The key-value registry (seed 000): keys with values, each change numbered by one global revision
-- (every write updates the single revision row first, which locks it until commit, so revisions
-- follow commit order and a
-- watcher that has seen revision r has seen everything before it); leases on keys (TTL) and locks.
CREATE TABLE registry_revision (
  id        INT    NOT NULL PRIMARY KEY,
  revision  BIGINT NOT NULL,
  -- every change up to this revision has been forgotten (history compaction)
  compacted BIGINT NOT NULL,
  -- bumped by every write before it reads anything: a real change, so the row lock is taken on
  -- every database (an UPDATE that changes nothing may lock nothing)
  writes    BIGINT NOT NULL
);
INSERT INTO registry_revision (id, revision, compacted, writes) VALUES (1, 0, 0, 0);

CREATE TABLE registry_entries (
  entry_key       VARCHAR(512)   NOT NULL PRIMARY KEY,
  entry_value     VARCHAR(65536) NOT NULL,
  -- the revision that last wrote the key (compare-and-set compares it) and the one that made it
  mod_revision    BIGINT         NOT NULL,
  create_revision BIGINT         NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by      VARCHAR(64)    NOT NULL
);
CREATE INDEX registry_entries_expires_ix ON registry_entries (expires_at);

CREATE TABLE registry_changes (
  revision    BIGINT         NOT NULL PRIMARY KEY,
  entry_key   VARCHAR(512)   NOT NULL,
  kind        VARCHAR(8)     NOT NULL,
  entry_value VARCHAR(65536),
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT registry_changes_kind_ck CHECK (kind IN ('PUT', 'DELETE'))
);
CREATE INDEX registry_changes_at_ix ON registry_changes (changed_at);

CREATE TABLE registry_locks (
  lock_key   VARCHAR(512) NOT NULL PRIMARY KEY,
  lock_id    VARCHAR(36)  NOT NULL,
  holder     VARCHAR(64)  NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  acquired_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Machines (FaaS workers, processors, operators' scripts) use the registry with a service account.
ALTER TABLE users DROP CONSTRAINT users_role_ck;
ALTER TABLE users ADD CONSTRAINT users_role_ck CHECK (role IN ('ADMIN', 'USER', 'SERVICE'));
