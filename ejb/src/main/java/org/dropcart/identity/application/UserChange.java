package org.dropcart.identity.application;

/** An admin's change to a user; a null field is left as it is. */
public record UserChange(String role, Boolean enabled) {}
