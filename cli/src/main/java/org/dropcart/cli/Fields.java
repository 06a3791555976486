package org.dropcart.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading fields of server answers for tables, tolerant of absent and null fields. */
final class Fields {
  private Fields() {}

  static String str(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  static long num(JsonObject o, String key) {
    return o.get(key) instanceof JsonNumber n ? n.longValue() : 0;
  }

  static String size(JsonObject o, String key) {
    return o.get(key) instanceof JsonNumber n ? Table.bytes(n.longValue()) : "";
  }
}
