package org.dropcart.function.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A function: an archive registered into a runtime under a name. Its files live on the volume, one
 * directory per version; registering the name again makes the next version current, and every
 * call records the version it ran. It belongs to the user who first registered it: only they or an
 * admin may register another version (anyone signed in may call it).
 */
@Entity
@Table(name = "faas_functions")
@NamedQuery(name = "Function.names", query = "SELECT f.name FROM Function f ORDER BY f.name")
public class Function {
  @Id
  @Column(name = "name", length = 64)
  private String name;

  @Column(name = "runtime_name", nullable = false, length = 64)
  private String runtimeName;

  @Column(name = "fn_version", nullable = false)
  private int version;

  @Column(name = "archive_name", nullable = false, length = 255)
  private String archiveName;

  @Column(name = "archive_size", nullable = false)
  private long archiveSize;

  @Column(name = "files", nullable = false)
  private int files;

  @Column(name = "bytes", nullable = false)
  private long bytes;

  @Column(name = "registered_by", nullable = false, length = 64)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "owner_id", length = 36)
  private String ownerId;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Function() {}

  /** Version 1 of {@code name}, owned by the user {@code ownerId}. */
  public Function(String name, String runtimeName, Archive archive, String ownerId, String by, Instant now) {
    this.name = FunctionNames.require("funcName", name);
    this.version = 0;
    this.ownerId = Objects.requireNonNull(ownerId);
    newVersion(runtimeName, archive, by, now);
  }

  /** Whether this user may register a new version: its owner or an admin. */
  public boolean replaceableBy(String userId, boolean admin) {
    return admin || userId.equals(ownerId);
  }

  /** The next version, from a new archive (possibly into another runtime). */
  public void newVersion(String runtimeName, Archive archive, String by, Instant now) {
    this.runtimeName = Objects.requireNonNull(runtimeName);
    this.version++;
    this.archiveName = archive.name().length() > 255 ? archive.name().substring(0, 255) : archive.name();
    this.archiveSize = archive.size();
    this.files = archive.files();
    this.bytes = archive.bytes();
    this.registeredBy = Objects.requireNonNull(by);
    this.registeredAt = now;
  }

  /** What was checked and unpacked of an uploaded archive. */
  public record Archive(String name, long size, int files, long bytes) {}

  public String name() {
    return name;
  }

  public String runtimeName() {
    return runtimeName;
  }

  public int version() {
    return version;
  }

  /** The version a registration will make: the current one plus one. */
  public int nextVersion() {
    return version + 1;
  }

  public String archiveName() {
    return archiveName;
  }

  public long archiveSize() {
    return archiveSize;
  }

  public int files() {
    return files;
  }

  public long bytes() {
    return bytes;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
