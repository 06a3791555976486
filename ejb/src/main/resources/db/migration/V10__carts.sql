-- Data carts (seed 004, Pacifica cartd): one row per cart, its requested files in order. A uid may
-- have had several carts over time; a new POST replaces the old cart, so uid is not unique.
CREATE TABLE carts (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  uid            VARCHAR(255)  NOT NULL,
  owner_id       VARCHAR(36),
  owner_name     VARCHAR(255),
  owner_admin    BOOLEAN       NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  message        VARCHAR(2000),
  bundle         BOOLEAN       NOT NULL,
  total_bytes    BIGINT        NOT NULL,
  reserved_bytes BIGINT        NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_access    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX carts_uid_ix ON carts (uid, created_at);
CREATE INDEX carts_owner_ix ON carts (owner_id, created_at);
CREATE INDEX carts_lru_ix ON carts (status, last_access);

CREATE TABLE cart_files (
  cart_id   VARCHAR(36)   NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  position  INTEGER       NOT NULL,
  source_id VARCHAR(1024) NOT NULL,
  path      VARCHAR(4096) NOT NULL,
  hash_type VARCHAR(16),
  hash_sum  VARCHAR(128),
  CONSTRAINT cart_files_pk PRIMARY KEY (cart_id, position)
);
