-- Functions (seed 002's FaaS): runtimes say how to install a function's dependencies and run it;
-- functions are archives unpacked into the volume, one directory per version; calls are numbered
-- invocations run by the InvokeQueue workers.
CREATE TABLE faas_runtimes (
  name          VARCHAR(64)   NOT NULL PRIMARY KEY,
  image         VARCHAR(255),
  path          VARCHAR(255),
  dependencies  VARCHAR(1024),
  run_command   VARCHAR(1024) NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE faas_functions (
  name          VARCHAR(64)   NOT NULL PRIMARY KEY,
  runtime_name  VARCHAR(64)   NOT NULL REFERENCES faas_runtimes (name),
  -- the current version: re-registering a name makes the next one (older ones stay on the volume
  -- for the calls that name them)
  fn_version    INT           NOT NULL,
  archive_name  VARCHAR(255)  NOT NULL,
  archive_size  BIGINT        NOT NULL,
  files         INT           NOT NULL,
  bytes         BIGINT        NOT NULL,
  registered_by VARCHAR(64)   NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  row_version   BIGINT        NOT NULL
);

CREATE SEQUENCE faas_call_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE faas_calls (
  call_num      BIGINT         NOT NULL PRIMARY KEY,
  func_name     VARCHAR(64)    NOT NULL,
  fn_version    INT            NOT NULL,
  params        VARCHAR(65536) NOT NULL,
  status        VARCHAR(8)     NOT NULL,
  result        VARCHAR(1048576),
  truncated     BOOLEAN        NOT NULL,
  exit_code     INT,
  stderr        VARCHAR(16384),
  reason        VARCHAR(1024),
  attempts      INT            NOT NULL,
  worker        VARCHAR(128),
  owner_id      VARCHAR(36)    NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at    TIMESTAMP WITH TIME ZONE,
  finished_at   TIMESTAMP WITH TIME ZONE,
  duration_ms   BIGINT,
  row_version   BIGINT         NOT NULL,
  CONSTRAINT faas_calls_status_ck CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'TIMEOUT'))
);
CREATE INDEX faas_calls_status_ix ON faas_calls (status, started_at);
