package org.dropcart.identity.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.identity.application.AuditTrail;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.IdentitySettings;
import org.dropcart.identity.application.LoginOutcome;
import org.dropcart.identity.application.NewPassword;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.SignedIn;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.identity.application.TokenIssuer;
import org.dropcart.identity.application.UserChange;
import org.dropcart.identity.application.UserView;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.identity.domain.AuditEventType;
import org.dropcart.identity.domain.PasswordHasher;
import org.dropcart.identity.domain.PasswordPolicy;
import org.dropcart.identity.domain.RevokedToken;
import org.dropcart.identity.domain.RevokedTokenRepository;
import org.dropcart.identity.domain.Role;
import org.dropcart.identity.domain.User;
import org.dropcart.identity.domain.UserRepository;
import org.dropcart.identity.domain.Username;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.platform.domain.UnauthorizedException;

@Stateless
public class DefaultIdentityService implements IdentityService {
  private static final Logger LOG = Logger.getLogger(DefaultIdentityService.class.getName());

  @Inject private UserRepository users;
  @Inject private RevokedTokenRepository revoked;
  @Inject private PasswordHasher hasher;
  @Inject private TokenIssuer tokens;
  @Inject private AuditTrail audit;
  @Inject private IdentitySettings settings;
  @Inject private UnknownUserThrottle unknownNames;
  @Inject private Clock clock;

  @Override
  public SignedIn signUp(String username, String password, RequestOrigin origin) {
    Username name = new Username(username);
    PasswordPolicy.requireAcceptable(password);
    if (users.findByUsername(name).isPresent()) {
      throw new ConflictException("username-taken", "The username '" + name + "' is already taken");
    }
    Instant now = clock.instant();
    User user = new User(name, hasher.hash(password), Role.USER, now);
    users.store(user);
    audit.publish(event(AuditEventType.SIGNED_UP, user.username().value(), null, origin, null));
    return new SignedIn(UserView.of(user), tokens.issue(user));
  }

  @Override
  public LoginOutcome logIn(String username, String password, RequestOrigin origin) {
    Username name = new Username(username);
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("password", "is required");
    }
    Instant now = clock.instant();
    Optional<User> found = users.findByUsernameForUpdate(name);
    Optional<Duration> locked =
        found.map(u -> u.lockedFor(now)).orElseGet(() -> unknownNames.lockedFor(name.key(), now));
    if (locked.isPresent()) {
      audit.publish(event(AuditEventType.LOGIN_THROTTLED, name.value(), null, origin, null));
      return new LoginOutcome.Throttled(locked.get());
    }
    if (found.isEmpty()) {
      hasher.spendEquivalentTime(password);
      unknownNames.recordFailure(name.key(), now, settings.loginPolicy());
      audit.publish(event(AuditEventType.LOGIN_FAILED, name.value(), null, origin, "unknown user"));
      return new LoginOutcome.Rejected();
    }
    User user = found.get();
    if (!hasher.matches(password, user.passwordHash())) {
      user.recordFailedLogin(now, settings.loginPolicy());
      audit.publish(event(AuditEventType.LOGIN_FAILED, name.value(), null, origin, "wrong password"));
      return new LoginOutcome.Rejected();
    }
    if (!user.isEnabled()) {
      audit.publish(event(AuditEventType.LOGIN_FAILED, name.value(), null, origin, "user disabled"));
      return new LoginOutcome.Rejected();
    }
    user.recordSuccessfulLogin();
    audit.publish(event(AuditEventType.LOGGED_IN, user.username().value(), null, origin, null));
    return new LoginOutcome.LoggedIn(new SignedIn(UserView.of(user), tokens.issue(user)));
  }

  @Override
  public void logOut(String username, TokenClaims token, RequestOrigin origin) {
    User user = users.find(token.userId()).orElseThrow(DefaultIdentityService::unknownTokenUser);
    if (!user.username().key().equals(new Username(username).key())) {
      throw new ForbiddenException(
          "not-your-session", "A token can only sign out its own user ('" + user.username() + "')");
    }
    if (!revoked.isRevoked(token.tokenId())) {
      revoked.revoke(new RevokedToken(token.tokenId(), user.id(), token.expiresAt(), clock.instant()));
    }
    audit.publish(event(AuditEventType.LOGGED_OUT, user.username().value(), null, origin, null));
  }

  @Override
  public SignedIn refresh(TokenClaims token, RequestOrigin origin) {
    User user = users.find(token.userId())
        .filter(u -> u.honoursTokenOfGeneration(token.generation()) && !revoked.isRevoked(token.tokenId()))
        .orElseThrow(() -> new UnauthorizedException("token-not-honoured",
            "This sign-in no longer counts (signed out, or the account changed); sign in again"));
    audit.publish(event(AuditEventType.TOKEN_REFRESHED, user.username().value(), null, origin, null));
    return new SignedIn(UserView.of(user), tokens.issue(user));
  }

  @Override
  public UserView currentUser(TokenClaims token) {
    return UserView.of(users.find(token.userId()).orElseThrow(DefaultIdentityService::unknownTokenUser));
  }

  private static NotFoundException unknownTokenUser() {
    return new NotFoundException("unknown-user", "The token's user no longer exists");
  }

  @Override
  public boolean honours(String userId, String tokenId, int tokenGeneration) {
    return users.find(userId).map(u -> u.honoursTokenOfGeneration(tokenGeneration)).orElse(false)
        && !revoked.isRevoked(tokenId);
  }

  @Override
  public Page<UserView> users(PageRequest page) {
    var items = users.inNameOrder(page.offset(), page.size()).stream().map(UserView::of).toList();
    return Page.of(items, page, users.count());
  }

  @Override
  public UserView user(String username) {
    return UserView.of(existing(new Username(username)));
  }

  private User existing(Username name) {
    return users
        .findByUsername(name)
        .orElseThrow(() -> new NotFoundException("unknown-user", "No user named '" + name + "'"));
  }

  @Override
  public Page<UserView> users(Listing listing) {
    return users.list(listing).map(UserView::of);
  }

  @Override
  public NewPassword create(String username, String role, String password, String actor, RequestOrigin origin) {
    Username name = new Username(username);
    Role r = Role.fromWireName(role);
    String chosen = chosenOrGenerated(password);
    if (users.findByUsername(name).isPresent()) {
      throw new ConflictException("username-taken", "The username '" + name + "' is already taken");
    }
    User user = new User(name, hasher.hash(chosen), r, clock.instant());
    users.store(user);
    audit.publish(event(AuditEventType.USER_CREATED, user.username().value(), actor, origin,
        "role " + r.wireName()));
    return new NewPassword(UserView.of(user), chosen.equals(password) ? null : chosen);
  }

  @Override
  public NewPassword resetPassword(String username, String password, String actor, RequestOrigin origin) {
    String chosen = chosenOrGenerated(password);
    User user = users.findByUsernameForUpdate(new Username(username))
        .orElseThrow(() -> new NotFoundException("unknown-user", "No user named '" + username + "'"));
    user.resetPassword(hasher.hash(chosen));
    audit.publish(event(AuditEventType.PASSWORD_RESET, user.username().value(), actor, origin,
        chosen.equals(password) ? "set by the admin" : "generated"));
    return new NewPassword(UserView.of(user), chosen.equals(password) ? null : chosen);
  }

  /** The typed password if there is one (it must pass the policy), else a generated one. */
  private static String chosenOrGenerated(String password) {
    return password == null || password.isBlank()
        ? RandomPasswords.generate()
        : PasswordPolicy.requireAcceptable(password);
  }

  @Override
  public UserView change(String username, UserChange change, String actor, RequestOrigin origin) {
    if (change == null || (change.role() == null && change.enabled() == null)) {
      throw new InvalidInputException("body", "must change 'role' and/or 'enabled'");
    }
    Role newRole = change.role() == null ? null : Role.fromWireName(change.role());
    User user = users.findByUsernameForUpdate(new Username(username))
        .orElseThrow(() -> new NotFoundException("unknown-user", "No user named '" + username + "'"));
    Instant now = clock.instant();
    boolean wasActiveAdmin = user.role() == Role.ADMIN && user.isEnabled();
    long activeAdmins = users.countEnabledWithRole(Role.ADMIN);
    if (newRole != null && newRole != user.role()) {
      user.changeRole(newRole);
      audit.publish(event(AuditEventType.ROLE_CHANGED, user.username().value(), actor, origin,
          "role is now " + newRole.wireName()));
    }
    if (Boolean.FALSE.equals(change.enabled()) && user.isEnabled()) {
      user.disable();
      audit.publish(event(AuditEventType.USER_DISABLED, user.username().value(), actor, origin, null));
    } else if (Boolean.TRUE.equals(change.enabled()) && !user.isEnabled()) {
      user.enable();
      audit.publish(event(AuditEventType.USER_ENABLED, user.username().value(), actor, origin, null));
    }
    boolean isActiveAdmin = user.role() == Role.ADMIN && user.isEnabled();
    if (wasActiveAdmin && !isActiveAdmin && activeAdmins <= 1) {
      throw new ConflictException(
          "last-admin", "'" + user.username() + "' is the last enabled admin; promote another first");
    }
    return UserView.of(user);
  }

  @Override
  public void ensureAdminExists() {
    if (users.countEnabledWithRole(Role.ADMIN) > 0) {
      return;
    }
    Username name = new Username(settings.adminUsername());
    Optional<String> configured = settings.adminPassword();
    String password = configured.orElseGet(RandomPasswords::generate);
    PasswordPolicy.requireAcceptable(password);
    Instant now = clock.instant();
    Optional<User> existing = users.findByUsernameForUpdate(name);
    if (existing.isPresent()) {
      User user = existing.get();
      user.changeRole(Role.ADMIN);
      user.enable();
      audit.publish(event(AuditEventType.ADMIN_CREATED, name.value(), "system", RequestOrigin.INTERNAL,
          "existing user promoted: no enabled admin was left"));
      LOG.log(Level.WARNING, "No enabled admin existed: promoted existing user ''{0}'' to admin", name);
      return;
    }
    users.store(new User(name, hasher.hash(password), Role.ADMIN, now));
    audit.publish(event(AuditEventType.ADMIN_CREATED, name.value(), "system", RequestOrigin.INTERNAL, null));
    if (configured.isPresent()) {
      LOG.log(Level.INFO, "Created the first admin ''{0}'' with the configured password", name);
    } else {
      // Shown once, at creation; only its hash is kept.
      LOG.log(Level.WARNING,
          "Created the first admin ''{0}'' with the generated password: {1}  (shown only now; "
              + "set dropcart.admin.password to choose it)", new Object[] {name, password});
    }
  }

  @Override
  public int purgeExpiredRevocations() {
    return revoked.purgeExpired(clock.instant());
  }

  private AuditEvent event(
      AuditEventType type, String username, String actor, RequestOrigin origin, String detail) {
    return AuditEvent.now(
        type, username, actor == null ? username : actor, origin.remoteAddress(), clock.instant(), detail);
  }

  @Override
  public long countUsers() {
    return users.count();
  }
}
