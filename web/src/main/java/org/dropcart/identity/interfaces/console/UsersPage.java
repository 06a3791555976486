package org.dropcart.identity.interfaces.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.NewPassword;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.UserChange;
import org.dropcart.identity.application.UserView;
import org.dropcart.identity.domain.Role;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;

/**
 * The console's users page: every user, paged, sorted and filtered by the identity context; an
 * admin creates a user, changes a role, disables or enables, and resets a password. A generated
 * password is shown once, in this view only.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private IdentityService identity;
  @Inject private WebSession session;

  private final LazyTable<UserView> table = new LazyTable<>(l -> identity.users(l), UserView::username);
  private UserView selected;
  private String newUsername;
  private String newRole = Role.USER_NAME;
  private String newPassword;
  private String role;
  private String password;
  private String shownPassword;
  private String shownPasswordOf;

  public LazyTable<UserView> getTable() {
    return table;
  }

  public List<String> getRoles() {
    return java.util.Arrays.stream(Role.values()).map(Role::wireName).toList();
  }

  public void create() {
    forget();
    Messages.attempt(() -> {
      NewPassword created = identity.create(newUsername, newRole, newPassword, session.getUsername(), origin());
      show(created);
      newUsername = null;
      newPassword = null;
      return "User '" + created.user().username() + "' created.";
    });
  }

  /** Opens the dialog on one user. */
  public void select(UserView user) {
    forget();
    selected = user;
    role = user.role();
    password = null;
  }

  public void changeRole() {
    change(new UserChange(role, null), "Role of '%s' is now " + role + "; their earlier sign-ins ended.");
  }

  /**
   * Disables or enables the user named in the request (by name, not by row: the table may have
   * changed since it was shown), as the button offered it.
   */
  public void setEnabled(String username, boolean enabled) {
    Messages.attempt(() -> {
      selected = identity.change(username, new UserChange(null, enabled), session.getUsername(), origin());
      return "User '" + selected.username() + "' is " + (enabled ? "enabled." : "disabled; their sign-ins ended.");
    });
  }

  public void resetPassword() {
    forget();
    Messages.attempt(() -> {
      NewPassword reset = identity.resetPassword(selected.username(), password, session.getUsername(), origin());
      show(reset);
      password = null;
      return "Password of '" + reset.user().username() + "' reset; their earlier sign-ins ended.";
    });
  }

  private void change(UserChange change, String done) {
    Messages.attempt(() -> {
      selected = identity.change(selected.username(), change, session.getUsername(), origin());
      return String.format(done, selected.username());
    });
  }

  private void show(NewPassword result) {
    if (result.generated() != null) {
      shownPassword = result.generated();
      shownPasswordOf = result.user().username();
    }
  }

  /** Drops a generated password shown earlier: it is shown once. */
  private void forget() {
    shownPassword = null;
    shownPasswordOf = null;
  }

  private static RequestOrigin origin() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return new RequestOrigin(request.getRemoteAddr());
  }

  public UserView getSelected() {
    return selected;
  }

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewRole() {
    return newRole;
  }

  public void setNewRole(String newRole) {
    this.newRole = newRole;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getShownPassword() {
    return shownPassword;
  }

  public String getShownPasswordOf() {
    return shownPasswordOf;
  }
}
