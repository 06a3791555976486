package org.dropcart.identity.application;

/**
 * The user an admin created or whose password they reset, with the password when Dropcart
 * generated it (to be shown to the admin once; only its hash is kept), or null when they typed it.
 */
public record NewPassword(UserView user, String generated) {
  @Override
  public String toString() {
    return "NewPassword[user=" + user + ", generated=" + (generated == null ? "no" : "yes") + "]";
  }
}
