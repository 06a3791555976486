package org.dropcart.upload.interfaces.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * The tus {@code Upload-Concat} header: absent, {@code partial}, or {@code final;} followed by the
 * partial uploads' URLs (absolute or absolute paths) separated by spaces.
 */
record Concat(boolean partial, List<String> partIds) {
  private static final Pattern UPLOAD_URL = Pattern.compile("(?:.*/)?upload/([0-9a-f]{32})/?");
  private static final int MAX_PARTS = 100;

  static Concat parse(String header) {
    if (header == null || header.isBlank()) {
      return new Concat(false, null);
    }
    String h = header.trim();
    if (h.equals("partial")) {
      return new Concat(true, null);
    }
    if (!h.startsWith("final;")) {
      throw invalid("must be 'partial' or 'final;<partial upload URLs separated by spaces>'");
    }
    List<String> ids = new ArrayList<>();
    for (String url : h.substring("final;".length()).trim().split(" +")) {
      if (url.isEmpty()) {
        continue;
      }
      String path;
      try {
        path = URI.create(url).getPath();
      } catch (IllegalArgumentException e) {
        throw invalid("names '" + url + "', which is not a URL");
      }
      Matcher m = path == null ? null : UPLOAD_URL.matcher(path);
      if (m == null || !m.matches()) {
        throw invalid("names '" + url + "', which is not an upload of this server");
      }
      ids.add(m.group(1));
    }
    if (ids.isEmpty() || ids.size() > MAX_PARTS) {
      throw invalid("a final upload names 1 to " + MAX_PARTS + " partial uploads");
    }
    return new Concat(false, List.copyOf(ids));
  }

  boolean isFinal() {
    return partIds != null;
  }

  /** The header a final upload reports on HEAD. */
  static String finalHeader(String uploadsPath, List<String> partIds) {
    String base = uploadsPath.endsWith("/") ? uploadsPath : uploadsPath + "/";
    return "final;" + partIds.stream().map(id -> base + id).collect(Collectors.joining(" "));
  }

  private static InvalidInputException invalid(String problem) {
    return new InvalidInputException("Upload-Concat", problem);
  }
}
