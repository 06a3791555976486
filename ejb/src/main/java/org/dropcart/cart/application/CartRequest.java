package org.dropcart.cart.application;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dropcart.cart.domain.CartFile;
import org.dropcart.cart.domain.CartPath;
import org.dropcart.cart.domain.HashType;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.InvalidInputException.FieldError;

/**
 * A cart request as cartd's schema defines it: {@code {"fileids": [{"id", "path", "hashtype",
 * "hashsum"}], "bundle"?}}, where {@code id} is a string or an integer and the other three are
 * strings, all required. Dropcart also refuses what cartd would only fail on later: a path that
 * leaves the cart, two files at one path, and a hash it cannot check (an unknown type, or a sum
 * that is not hex of that type's length). {@code bundle} absent: the configured default.
 */
public record CartRequest(List<CartFile> files, Optional<Boolean> bundle) {
  public CartRequest {
    files = List.copyOf(files);
  }

  /** Parses and checks a request body, whatever its Content-Type said. */
  public static CartRequest parse(String body) {
    JsonObject json;
    try {
      JsonValue value = Json.createReader(new StringReader(body == null ? "" : body)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException("body", "must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidInputException("body", "is not valid JSON");
    }
    List<FieldError> errors = new ArrayList<>();
    Optional<Boolean> bundle = Optional.empty();
    if (json.containsKey("bundle")) {
      JsonValue b = json.get("bundle");
      if (b == JsonValue.TRUE || b == JsonValue.FALSE) {
        bundle = Optional.of(b == JsonValue.TRUE);
      } else {
        errors.add(new FieldError("bundle", "must be true or false"));
      }
    }
    JsonValue ids = json.get("fileids");
    if (ids == null || ids.getValueType() != JsonValue.ValueType.ARRAY) {
      errors.add(new FieldError("fileids", ids == null ? "is required" : "must be an array"));
      throw new InvalidInputException(errors);
    }
    List<CartFile> files = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    int i = 0;
    for (JsonValue item : ids.asJsonArray()) {
      String at = "fileids[" + i++ + "]";
      if (item.getValueType() != JsonValue.ValueType.OBJECT) {
        errors.add(new FieldError(at, "must be an object"));
        continue;
      }
      CartFile file = file(item.asJsonObject(), at, errors);
      if (file != null && !paths.add(file.path().value())) {
        errors.add(new FieldError(at + ".path", "another file of the cart has the path " + file.path()));
      }
      if (file != null) {
        files.add(file);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new CartRequest(files, bundle);
  }

  private static CartFile file(JsonObject o, String at, List<FieldError> errors) {
    int before = errors.size();
    JsonValue id = o.get("id");
    String sourceId = null;
    if (id == null) {
      errors.add(new FieldError(at + ".id", "is required"));
    } else if (id.getValueType() == JsonValue.ValueType.STRING) {
      sourceId = o.getString("id");
    } else if (id.getValueType() == JsonValue.ValueType.NUMBER && o.getJsonNumber("id").isIntegral()) {
      sourceId = o.getJsonNumber("id").bigIntegerValueExact().toString();
    } else {
      errors.add(new FieldError(at + ".id", "must be a string or an integer"));
    }
    if (sourceId != null && sourceId.isEmpty()) {
      errors.add(new FieldError(at + ".id", "must not be empty"));
    }
    String path = string(o, "path", at, errors);
    String hashType = string(o, "hashtype", at, errors);
    String hashSum = string(o, "hashsum", at, errors);
    CartPath cartPath = null;
    if (path != null) {
      try {
        cartPath = CartPath.of(path);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".path", e.getMessage()));
      }
    }
    HashType type = null;
    if (hashSum != null && !hashSum.isEmpty() && hashType != null) {
      type = HashType.named(hashType).orElse(null);
      if (type == null) {
        errors.add(new FieldError(at + ".hashtype", "must be md5, sha1, sha256 or sha512"));
      } else if (!hashSum.matches("[0-9a-fA-F]{" + type.hexLength() + "}")) {
        errors.add(new FieldError(at + ".hashsum", "must be " + type.hexLength() + " hex digits for " + hashType));
      }
    }
    return errors.size() == before ? new CartFile(sourceId, cartPath, type, hashSum) : null;
  }

  private static String string(JsonObject o, String name, String at, List<FieldError> errors) {
    JsonValue v = o.get(name);
    if (v == null) {
      errors.add(new FieldError(at + "." + name, "is required"));
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(at + "." + name, "must be a string"));
      return null;
    }
    return o.getString(name);
  }
}
