-- A group's result, owed to every member of its pool: pending until the member acknowledges it.
-- Written in bulk (one INSERT ... SELECT per result), whatever the number of members.
CREATE TABLE result_deliveries (
  group_id    VARCHAR(36) NOT NULL REFERENCES file_groups (id),
  user_id     VARCHAR(36) NOT NULL REFERENCES users (id),
  pool_id     VARCHAR(36) NOT NULL REFERENCES pools (id),
  result_file VARCHAR(64) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  acked_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT result_deliveries_pk PRIMARY KEY (group_id, user_id)
);
CREATE INDEX result_deliveries_user_ix ON result_deliveries (user_id, acked_at, created_at);

-- When the current attempt at handing a group over began: committed before the POST, so that a
-- node that dies during the hand-over does not send the group a second time after its restart.
ALTER TABLE file_groups ADD COLUMN attempt_started_at TIMESTAMP WITH TIME ZONE;
