package org.dropcart.identity.domain;

/** The security-relevant things the audit log records. */
public enum AuditEventType {
  SIGNED_UP,
  LOGGED_IN,
  TOKEN_REFRESHED,
  LOGIN_FAILED,
  LOGIN_THROTTLED,
  LOGGED_OUT,
  ROLE_CHANGED,
  USER_DISABLED,
  USER_ENABLED,
  ADMIN_CREATED,
  USER_CREATED,
  PASSWORD_RESET
}
