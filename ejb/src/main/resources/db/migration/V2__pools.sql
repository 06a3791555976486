-- Pools and their members (each membership is the member's client identity in the pool).

CREATE TABLE pools (
  id                      VARCHAR(36) NOT NULL PRIMARY KEY,
  name                    VARCHAR(64) NOT NULL,
  name_key                VARCHAR(64) NOT NULL,
  grouping_window_seconds BIGINT      NOT NULL,
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by              VARCHAR(64) NOT NULL,
  version                 BIGINT      NOT NULL,
  CONSTRAINT pools_name_key_uk UNIQUE (name_key),
  CONSTRAINT pools_window_ck CHECK (grouping_window_seconds BETWEEN 1 AND 604800)
);

CREATE TABLE pool_members (
  client_id       VARCHAR(36) NOT NULL PRIMARY KEY,
  pool_id         VARCHAR(36) NOT NULL REFERENCES pools (id),
  user_id         VARCHAR(36) NOT NULL REFERENCES users (id),
  client_name     VARCHAR(64) NOT NULL,
  client_name_key VARCHAR(64) NOT NULL,
  joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pool_members_pool_user_uk UNIQUE (pool_id, user_id)
);
CREATE INDEX pool_members_user_ix ON pool_members (user_id);
CREATE INDEX pool_members_pool_name_ix ON pool_members (pool_id, client_name_key);
