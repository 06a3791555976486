package org.dropcart.identity.application;

/** A user who has just signed up or in, with the token to use from now on. */
public record SignedIn(UserView user, IssuedToken token) {}
