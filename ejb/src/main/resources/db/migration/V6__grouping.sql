-- Timestamp grouping: a pool's grace after a window's end and its policy for late files; the groups
-- (one per pool and window); and every stored file's place in them.
ALTER TABLE pools ADD COLUMN lateness_seconds BIGINT DEFAULT 60 NOT NULL;
ALTER TABLE pools ADD COLUMN late_policy VARCHAR(8) DEFAULT 'NEXT' NOT NULL;
ALTER TABLE pools ADD CONSTRAINT pools_lateness_ck CHECK (lateness_seconds BETWEEN 0 AND 86400);
ALTER TABLE pools ADD CONSTRAINT pools_late_policy_ck CHECK (late_policy IN ('NEXT', 'REJECT'));

CREATE TABLE file_groups (
  id           VARCHAR(36) NOT NULL PRIMARY KEY,
  pool_id      VARCHAR(36) NOT NULL REFERENCES pools (id),
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
  -- window_end plus the pool's lateness when the group was made: from then on it is SEALED.
  seals_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  status       VARCHAR(12) NOT NULL,
  file_count   BIGINT      NOT NULL,
  bytes        BIGINT      NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  sealed_at    TIMESTAMP WITH TIME ZONE,
  version      BIGINT      NOT NULL,
  CONSTRAINT file_groups_window_uk UNIQUE (pool_id, window_start),
  CONSTRAINT file_groups_status_ck CHECK (status IN ('OPEN', 'SEALED', 'DISPATCHED', 'DONE', 'FAILED'))
);
CREATE INDEX file_groups_status_ix ON file_groups (status, seals_at);
CREATE INDEX file_groups_pool_status_ix ON file_groups (pool_id, status, window_start);

-- One row per stored file: PENDING until the grouping job places it, then GROUPED (group_id set)
-- or REJECTED (late for a sealed window in a pool whose policy is reject). A file is in one group
-- at most: the row is the only place that says which.
CREATE TABLE grouped_files (
  file_name VARCHAR(64) NOT NULL PRIMARY KEY,
  pool_id   VARCHAR(36) NOT NULL REFERENCES pools (id),
  owner_id  VARCHAR(36),
  client_id VARCHAR(36) NOT NULL,
  name      VARCHAR(255) NOT NULL,
  ts        TIMESTAMP WITH TIME ZONE NOT NULL,
  stored_at TIMESTAMP WITH TIME ZONE NOT NULL,
  size      BIGINT      NOT NULL,
  sha256    VARCHAR(64) NOT NULL,
  state     VARCHAR(8)  NOT NULL,
  group_id  VARCHAR(36) REFERENCES file_groups (id),
  late      BOOLEAN     NOT NULL,
  CONSTRAINT grouped_files_state_ck CHECK (state IN ('PENDING', 'GROUPED', 'REJECTED')),
  CONSTRAINT grouped_files_group_ck CHECK ((state = 'GROUPED') = (group_id IS NOT NULL))
);
-- The grouping job's reader: pending files of each pool in timestamp order.
CREATE INDEX grouped_files_pending_ix ON grouped_files (state, pool_id, ts, file_name);
CREATE INDEX grouped_files_group_ix ON grouped_files (group_id, ts);
