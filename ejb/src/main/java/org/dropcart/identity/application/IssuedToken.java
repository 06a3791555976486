package org.dropcart.identity.application;

import java.time.Instant;

/**
 * A signed access token and what the server needs to honour or revoke it later without parsing it
 * again: its id and the user's token generation it was issued in.
 */
public record IssuedToken(
    String token, String tokenId, int generation, Instant issuedAt, Instant expiresAt) {}
