package org.dropcart.identity.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dropcart.identity.application.IssuedToken;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.SignedIn;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.identity.domain.AuditEventType;
import org.dropcart.identity.domain.RevokedToken;
import org.dropcart.identity.domain.RevokedTokenRepository;
import org.dropcart.identity.domain.Role;
import org.dropcart.identity.domain.User;
import org.dropcart.identity.domain.UserRepository;
import org.dropcart.identity.domain.Username;
import org.dropcart.platform.domain.UnauthorizedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A web session's fresh token: same user and generation, audited, refused once the old one stops counting. */
class TokenRefreshTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.7");

  private final User alice = new User(new Username("alice"), "pbkdf2-sha256$1$s$k", Role.USER, NOW);
  private final Set<String> revokedIds = new HashSet<>();
  private final List<AuditEvent> audited = new ArrayList<>();
  private final DefaultIdentityService service = new DefaultIdentityService();
  private int issued;

  @BeforeEach
  void wire() throws ReflectiveOperationException {
    set("users", new UserRepository() {
      public Optional<User> find(String userId) {
        return alice.id().equals(userId) ? Optional.of(alice) : Optional.empty();
      }
      public Optional<User> findByUsername(Username username) {
        return Optional.empty();
      }
      public Optional<User> findByUsernameForUpdate(Username username) {
        return Optional.empty();
      }
      public void store(User user) {}
      public List<User> inNameOrder(int offset, int limit) {
        return List.of();
      }
      public long count() {
        return 1;
      }
      public long countEnabledWithRole(Role role) {
        return 0;
      }
      public org.dropcart.platform.domain.Page<User> list(org.dropcart.platform.domain.Listing listing) {
        return org.dropcart.platform.domain.Page.of(List.of(alice), listing.page(), 1);
      }
    });
    set("revoked", new RevokedTokenRepository() {
      public boolean isRevoked(String tokenId) {
        return revokedIds.contains(tokenId);
      }
      public void revoke(RevokedToken token) {}
      public int purgeExpired(Instant now) {
        return 0;
      }
    });
    set("tokens", (org.dropcart.identity.application.TokenIssuer) user -> new IssuedToken(
        "jwt-" + (++issued), "jti-new-" + issued, user.tokenGeneration(), NOW, NOW.plus(Duration.ofMinutes(15))));
    set("audit", (org.dropcart.identity.application.AuditTrail) audited::add);
    set("clock", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void set(String field, Object value) throws ReflectiveOperationException {
    var f = DefaultIdentityService.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(service, value);
  }

  private TokenClaims claims(String tokenId, int generation, Instant expiresAt) {
    return new TokenClaims(alice.id(), "alice", tokenId, generation, expiresAt);
  }

  @Test
  void issuesANewTokenOfTheSameUserAndGenerationAndAuditsIt() {
    SignedIn fresh = service.refresh(claims("jti-old", alice.tokenGeneration(), NOW.plusSeconds(30)), ORIGIN);

    assertThat(fresh.user().userId()).isEqualTo(alice.id());
    assertThat(fresh.token().token()).isEqualTo("jwt-1");
    assertThat(fresh.token().tokenId()).isNotEqualTo("jti-old");
    assertThat(fresh.token().generation()).isEqualTo(alice.tokenGeneration());
    assertThat(audited).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.TOKEN_REFRESHED);
      assertThat(e.username()).isEqualTo("alice");
    });
  }

  @Test
  void refreshesATokenThatExpiredWhileTheSessionLivedOn() {
    assertThat(service.refresh(claims("jti-old", alice.tokenGeneration(), NOW.minusSeconds(60)), ORIGIN).token())
        .isNotNull();
  }

  @Test
  void refusesASignedOutToken() {
    revokedIds.add("jti-old");

    assertThatThrownBy(() -> service.refresh(claims("jti-old", alice.tokenGeneration(), NOW.plusSeconds(30)), ORIGIN))
        .isInstanceOf(UnauthorizedException.class).hasMessageContaining("sign in again");
    assertThat(audited).isEmpty();
  }

  @Test
  void refusesATokenOfAnEarlierGenerationOrADisabledUser() {
    int before = alice.tokenGeneration();
    alice.changeRole(Role.ADMIN);

    assertThatThrownBy(() -> service.refresh(claims("jti-old", before, NOW.plusSeconds(30)), ORIGIN))
        .isInstanceOf(UnauthorizedException.class);

    alice.disable();
    assertThatThrownBy(() -> service.refresh(claims("jti-x", alice.tokenGeneration(), NOW.plusSeconds(30)), ORIGIN))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void refusesAUserWhoIsGone() {
    assertThatThrownBy(() -> service.refresh(
        new TokenClaims("someone-else", "bob", "jti-b", 0, NOW.plusSeconds(30)), ORIGIN))
        .isInstanceOf(UnauthorizedException.class);
  }
}
