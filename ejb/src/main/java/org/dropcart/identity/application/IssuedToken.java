package org.dropcart.identity.application;

import java.time.Instant;

/** A freshly signed access token. */
public record IssuedToken(String token, String tokenId, Instant issuedAt, Instant expiresAt) {}
