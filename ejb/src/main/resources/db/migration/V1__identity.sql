-- Identity: users, signed-out tokens, the audit log.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

CREATE TABLE users (
  id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
  username           VARCHAR(64)  NOT NULL,
  username_key       VARCHAR(64)  NOT NULL,
  password_hash      VARCHAR(255) NOT NULL,
  role               VARCHAR(16)  NOT NULL,
  enabled            BOOLEAN      NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  token_generation   INTEGER      NOT NULL,
  failed_logins      INTEGER      NOT NULL,
  locked_until       TIMESTAMP WITH TIME ZONE,
  version            BIGINT       NOT NULL,
  CONSTRAINT users_username_key_uk UNIQUE (username_key),
  CONSTRAINT users_role_ck CHECK (role IN ('ADMIN', 'USER'))
);

CREATE TABLE revoked_tokens (
  jti        VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id    VARCHAR(36) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_tokens_expires_at_ix ON revoked_tokens (expires_at);

CREATE TABLE audit_records (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  event_type     VARCHAR(32)   NOT NULL,
  username       VARCHAR(64),
  actor          VARCHAR(64),
  remote_address VARCHAR(64),
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  detail         VARCHAR(1000)
);
CREATE INDEX audit_records_occurred_at_ix ON audit_records (occurred_at);
CREATE INDEX audit_records_username_ix ON audit_records (username);
