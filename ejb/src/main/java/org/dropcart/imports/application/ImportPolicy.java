package org.dropcart.imports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * Which URLs an import may read: {@code http}/{@code https} (loopback, private and link-local
 * addresses only when {@code dropcart.imports.allow-private}), and {@code file} under the
 * configured roots only (real paths, so a symlink cannot lead out).
 */
@ApplicationScoped
public class ImportPolicy {
  private static final Set<String> HTTP = Set.of("http", "https");
  private static final Set<String> GIT = Set.of("git", "git+http", "git+https", "git+ssh", "git+file");

  /** Whether the URL names a git repository ({@code git://…}, {@code git+https://…#ref}, …). */
  public static boolean isGit(URI url) {
    return url.getScheme() != null && GIT.contains(url.getScheme().toLowerCase(Locale.ROOT));
  }

  /** The repository to clone: the URL without its {@code git+} prefix and its {@code #ref}. */
  public static URI gitRepository(URI url) {
    String text = url.toString();
    int hash = text.indexOf('#');
    String bare = hash < 0 ? text : text.substring(0, hash);
    if (bare.regionMatches(true, 0, "git+", 0, 4)) {
      bare = bare.substring(4);
    }
    if (bare.regionMatches(true, 0, "ssh:", 0, 4)) {
      throw new InvalidInputException("url", "git over ssh needs keys Dropcart does not hold; use git+https");
    }
    return URI.create(bare);
  }

  /** The ref a git URL names after {@code #}, or null for the default branch. */
  public static String gitRef(URI url) {
    String fragment = url.getFragment();
    return fragment == null || fragment.isBlank() ? null : fragment;
  }

  @Inject private ImportSettings settings;

  protected ImportPolicy() {}

  /** A policy on these settings (for tests). */
  public ImportPolicy(ImportSettings settings) {
    this.settings = settings;
  }

  /** The URL, parsed and checked for its kind; 400 for a malformed or unsupported one, 403 for a refused one. */
  public URI requireAllowed(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("url", "is required");
    }
    URI url;
    try {
      url = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new InvalidInputException("url", "is not a valid URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (HTTP.contains(scheme)) {
      if (url.getHost() == null || url.getHost().isBlank()) {
        throw new InvalidInputException("url", "has no host");
      }
      try {
        requireHop(url);
      } catch (ImportRefused e) {
        throw new ForbiddenException("private-address", e.getMessage());
      }
      return url;
    }
    if (scheme.equals("file")) {
      filePath(url);
      return url;
    }
    if (GIT.contains(scheme)) {
      URI repository = gitRepository(url);
      if (repository.getScheme().equals("file")) {
        fileRoot(repository, true);
      } else if (repository.getHost() == null || repository.getHost().isBlank()) {
        throw new InvalidInputException("url", "has no host");
      } else {
        try {
          requireAddress(repository);
        } catch (ImportRefused e) {
          throw new ForbiddenException("private-address", e.getMessage());
        }
      }
      return url;
    }
    if (scheme.equals("s3")) {
      if (url.getHost() == null || url.getHost().isBlank() || url.getPath() == null || url.getPath().length() < 2) {
        throw new InvalidInputException("url", "an S3 URL is s3://bucket/key");
      }
      return url;
    }
    throw new InvalidInputException("url", "must be an http, https, s3, file or git URL (git://, git+https://, git+file://)");
  }

  /** Checks one hop of a download (the URL or a redirect) against the scheme and address policy. */
  public void requireHop(URI hop) throws ImportRefused {
    String scheme = hop.getScheme() == null ? "" : hop.getScheme().toLowerCase(Locale.ROOT);
    if (!HTTP.contains(scheme)) {
      throw new ImportRefused("a redirect to a " + scheme + " URL is not followed");
    }
    requireAddress(hop);
  }

  /** Refuses a host on a loopback, private or link-local address unless they are allowed. */
  public void requireAddress(URI hop) throws ImportRefused {
    if (settings.allowPrivate()) {
      return;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(hop.getHost())) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
            || a.isMulticastAddress() || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc)) {
          throw new ImportRefused(hop.getHost() + " is a loopback, private or link-local address, which"
              + " dropcart.imports.allow-private=false refuses");
        }
      }
    } catch (UnknownHostException e) {
      throw new ImportRefused("the host " + hop.getHost() + " is unknown");
    }
  }

  /** The file a {@code file:} URL names, if it lies under a configured root; 403 {@code file-root-refused} otherwise. */
  public Path filePath(URI url) {
    return fileRoot(url, false);
  }

  /** As {@link #filePath}, for a regular file or (a git repository) a directory. */
  public Path fileRoot(URI url, boolean directory) {
    Path asked;
    try {
      asked = Path.of(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("url", "is not a valid file URL (file:///absolute/path)");
    }
    Path normal = asked.toAbsolutePath().normalize();
    boolean underARoot = settings.fileRoots().stream().anyMatch(normal::startsWith);
    if (underARoot) {
      Path real;
      try {
        real = normal.toRealPath();
      } catch (IOException e) {
        throw new org.dropcart.platform.domain.NotFoundException("no-such-file", "No readable file at " + url.getPath());
      }
      for (Path root : settings.fileRoots()) {
        try {
          // Real paths on both sides: a symlink under a root that points elsewhere leads nowhere.
          if (Files.isDirectory(root) && real.startsWith(root.toRealPath())
              && (directory ? Files.isDirectory(real) : Files.isRegularFile(real))) {
            return real;
          }
        } catch (IOException ignored) {
          // a root that is gone allows nothing
        }
      }
    }
    throw new ForbiddenException("file-root-refused",
        "file imports read only under dropcart.imports.file-roots" + (settings.fileRoots().isEmpty() ? " (none set)" : ""));
  }
}
