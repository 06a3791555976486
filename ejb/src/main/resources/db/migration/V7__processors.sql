-- A pool's external processor (where its groups go, the secret both sides sign with, and when),
-- and what dispatching did to each group.
CREATE TABLE pool_processors (
  pool_id       VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES pools (id),
  url           VARCHAR(2048) NOT NULL,
  secret        VARCHAR(256)  NOT NULL,
  trigger_kind  VARCHAR(8)    NOT NULL,
  trigger_count INTEGER       NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by    VARCHAR(64)   NOT NULL,
  version       BIGINT        NOT NULL,
  CONSTRAINT pool_processors_trigger_ck CHECK (trigger_kind IN ('ON_SEAL', 'MANUAL', 'COUNT', 'PULL'))
);


-- Dispatching a group: the id of its current dispatch (sent along, so a processor can tell a
-- repeat), the attempts so far and the last one's error, when the processor took it, and why it
-- FAILED.
ALTER TABLE file_groups ADD COLUMN dispatch_id VARCHAR(36);
ALTER TABLE file_groups ADD COLUMN dispatch_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE file_groups ADD COLUMN dispatched_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE file_groups ADD COLUMN failure VARCHAR(512);

-- The processor's result: the stored file it became, and when the group was DONE.
ALTER TABLE file_groups ADD COLUMN result_file VARCHAR(64);
ALTER TABLE file_groups ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;
