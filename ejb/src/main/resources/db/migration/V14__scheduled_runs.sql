-- One row per run of a scheduled batch job: the node whose timer claimed a schedule slot first
-- runs the job; every other node's timer for the same slot finds the row and stands aside, so a
-- cluster runs each scheduled job once per slot, not once per node. Slots are epoch-aligned
-- (slot_start = a multiple of the job's interval, in epoch milliseconds).
CREATE TABLE scheduled_runs (
  job_name   VARCHAR(100) NOT NULL,
  slot_start BIGINT       NOT NULL,
  node       VARCHAR(200) NOT NULL,
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT scheduled_runs_pk PRIMARY KEY (job_name, slot_start)
);
CREATE INDEX scheduled_runs_claimed_ix ON scheduled_runs (claimed_at);

-- Claims are taken one at a time: each claimer locks this one row (SELECT … FOR UPDATE) first, so
-- the loser of a race finds the winner's row instead of failing on the primary key.
CREATE TABLE scheduled_runs_lock (
  id INT NOT NULL PRIMARY KEY
);
INSERT INTO scheduled_runs_lock (id) VALUES (1);
