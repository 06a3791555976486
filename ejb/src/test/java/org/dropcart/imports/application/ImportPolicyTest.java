package org.dropcart.imports.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.support.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportPolicyTest {
  @TempDir Path dir;

  private ImportPolicy policy(boolean allowPrivate, String roots) {
    return new ImportPolicy(new ImportSettings(new MapConfig(Map.of(
        "dropcart.imports.allow-private", Boolean.toString(allowPrivate), "dropcart.imports.file-roots", roots))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org/x", "mailto:a@b", "x", "http:///nohost", "http://exa mple.org/",
      "s3://bucket", "s3://bucket/", "git+ssh://git@example.org/repo.git", "git+https:///nohost.git"})
  void refusesWhatItCannotFetch(String url) {
    assertThatThrownBy(() -> policy(true, "").requireAllowed(url)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/a.tar", "http://localhost/a", "https://10.1.2.3/a",
      "http://192.168.0.9/a", "http://169.254.169.254/latest/meta-data", "http://[::1]/a"})
  void privateAddressesOnlyWhenAllowed(String url) throws Exception {
    assertThat(policy(true, "").requireAllowed(url)).isEqualTo(URI.create(url));
    assertThatThrownBy(() -> policy(false, "").requireAllowed(url)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("private");
    assertThatThrownBy(() -> policy(false, "").requireHop(URI.create(url))).isInstanceOf(ImportRefused.class);
  }

  @Test
  void gitUrlsNameARepositoryAndARef() throws Exception {
    URI url = policy(true, "").requireAllowed("git+https://example.org/team/data.git#v1.2");
    assertThat(ImportPolicy.isGit(url)).isTrue();
    assertThat(ImportPolicy.gitRepository(url)).isEqualTo(URI.create("https://example.org/team/data.git"));
    assertThat(ImportPolicy.gitRef(url)).isEqualTo("v1.2");
    assertThat(ImportPolicy.gitRef(URI.create("git://example.org/x.git"))).isNull();
    assertThatThrownBy(() -> policy(false, "").requireAllowed("git+http://127.0.0.1/x.git"))
        .isInstanceOf(ForbiddenException.class);
    Path repo = Files.createDirectories(dir.resolve("repos/x.git"));
    assertThatThrownBy(() -> policy(true, "").requireAllowed("git+" + repo.toUri()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(policy(true, dir.resolve("repos").toString()).requireAllowed("git+" + repo.toUri() + "#main"))
        .isNotNull();
  }

  @Test
  void aRedirectMustStayOnHttp() {
    assertThatThrownBy(() -> policy(true, "").requireHop(URI.create("file:///etc/passwd")))
        .isInstanceOf(ImportRefused.class);
  }

  @Test
  void fileUrlsOnlyUnderTheRootsAndNotThroughSymlinksOut() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path inside = Files.writeString(root.resolve("a.csv"), "x");
    Path outside = Files.writeString(dir.resolve("secret.txt"), "s");
    Files.createSymbolicLink(root.resolve("link.txt"), outside);
    assertThatThrownBy(() -> policy(true, "").requireAllowed(inside.toUri().toString()))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("none set");
    ImportPolicy p = policy(true, root.toString());
    assertThat(p.filePath(inside.toUri())).isEqualTo(inside.toRealPath());
    assertThatThrownBy(() -> p.requireAllowed(outside.toUri().toString())).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> p.requireAllowed(root.resolve("link.txt").toUri().toString()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> p.requireAllowed("file://" + root + "/../secret.txt")).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> p.requireAllowed(root.resolve("missing.csv").toUri().toString()))
        .isInstanceOf(NotFoundException.class);
  }
}
