package org.dropcart.file.infrastructure;

import java.util.Locale;
import java.util.regex.Pattern;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dropcart.file.domain.Activity;
import org.dropcart.file.domain.FileIndex;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.platform.infrastructure.store.MongoStore;

/**
 * The file index as documents in collection {@code file_index}, keyed by file name, with seed 003's
 * field names ({@code clientName}, {@code clientId}, {@code fileName}, {@code activity}, {@code
 * gridFs_id}, {@code meta_data}, {@code created}) and Dropcart's ({@code poolId}, {@code timestamp},
 * {@code size}, {@code sha256}, {@code contentType}, {@code groupId}, {@code uploadId}, {@code
 * ownerId}, {@code reason}).
 */
@ApplicationScoped
public class MongoFileIndex implements FileIndex {
  static final String COLLECTION = "file_index";

  @Inject private MongoStore store;

  private MongoCollection<Document> index;

  @PostConstruct
  void open() {
    index = store.database().getCollection(COLLECTION);
    index.createIndex(Indexes.ascending("poolId", "timestamp"));
    index.createIndex(Indexes.ascending("clientId", "created"));
    index.createIndex(Indexes.ascending("ownerId", "created"));
  }

  @Override
  public Optional<StoredFile> find(String fileName) {
    return Optional.ofNullable(index.find(Filters.eq("_id", fileName)).first()).map(MongoFileIndex::toFile);
  }

  @Override
  public java.util.Map<String, StoredFile> findAll(java.util.Collection<String> fileNames) {
    java.util.Map<String, StoredFile> found = new java.util.HashMap<>();
    if (!fileNames.isEmpty()) {
      index.find(Filters.in("_id", fileNames)).forEach(d -> {
        StoredFile f = toFile(d);
        found.put(f.fileName(), f);
      });
    }
    return found;
  }

  @Override
  public void save(StoredFile file) {
    index.replaceOne(Filters.eq("_id", file.fileName()), toDocument(file), new ReplaceOptions().upsert(true));
  }

  @Override
  public void remove(String fileName) {
    index.deleteOne(Filters.eq("_id", fileName));
  }

  @Override
  public Page<StoredFile> list(Listing listing) {
    List<Bson> filters = new ArrayList<>();
    listing.filter("poolId").ifPresent(pool -> filters.add(Filters.eq("poolId", pool)));
    listing.filter("activity").ifPresent(a -> filters.add(Filters.eq("activity", a.toUpperCase(Locale.ROOT))));
    listing.filter("groupId").ifPresent(group -> filters.add(Filters.eq("groupId", group)));
    listing.filter("clientName").ifPresent(client -> filters.add(containing("clientName", client)));
    listing.filter("name").ifPresent(name -> filters.add(containing("meta_data.filename", name)));
    listing.filter("sha256").ifPresent(sha -> filters.add(
        Filters.regex("sha256", "^" + Pattern.quote(sha.toLowerCase(Locale.ROOT)))));
    Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
    String field = SORTABLE.get(listing.sortOr(SORTABLE.keySet(), "timestamp"));
    Bson order = listing.descending() ? Sorts.descending(field) : Sorts.ascending(field);
    List<StoredFile> items = list(index.find(filter).sort(Sorts.orderBy(order, Sorts.ascending("_id")))
        .skip(listing.page().offset()).limit(listing.page().size()));
    return Page.of(items, listing.page(), index.countDocuments(filter));
  }

  private static final Map<String, String> SORTABLE = Map.of("timestamp", "timestamp", "created", "created",
      "size", "size", "name", "meta_data.filename", "clientName", "clientName", "poolId", "poolId",
      "activity", "activity");

  /** A case-insensitive "contains" on a field; the text is quoted, never read as a pattern. */
  private static Bson containing(String field, String text) {
    return Filters.regex(field, Pattern.quote(text), "i");
  }

  @Override
  public List<StoredFile> ofClient(String clientId, int offset, int limit) {
    return newestFirst(Filters.eq("clientId", clientId), offset, limit);
  }

  private List<StoredFile> newestFirst(Bson filter, int offset, int limit) {
    return list(index.find(filter)
        .sort(Sorts.orderBy(Sorts.descending("created"), Sorts.ascending("_id"))).skip(offset).limit(limit));
  }

  @Override
  public long countOfClient(String clientId) {
    return index.countDocuments(Filters.eq("clientId", clientId));
  }

  @Override
  public List<StoredFile> ofOwner(String ownerId, int offset, int limit) {
    return newestFirst(Filters.eq("ownerId", ownerId), offset, limit);
  }

  @Override
  public long countOfOwner(String ownerId) {
    return index.countDocuments(Filters.eq("ownerId", ownerId));
  }

  @Override
  public List<StoredFile> ofPool(String poolId, Instant from, Instant to, int offset, int limit) {
    return list(index.find(poolFilter(poolId, from, to))
        .sort(Sorts.orderBy(Sorts.ascending("timestamp"), Sorts.ascending("_id"))).skip(offset).limit(limit));
  }

  @Override
  public long countOfPool(String poolId, Instant from, Instant to) {
    return index.countDocuments(poolFilter(poolId, from, to));
  }

  private static Bson poolFilter(String poolId, Instant from, Instant to) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("poolId", poolId));
    if (from != null) {
      filters.add(Filters.gte("timestamp", Date.from(from)));
    }
    if (to != null) {
      filters.add(Filters.lt("timestamp", Date.from(to)));
    }
    return Filters.and(filters);
  }

  private static List<StoredFile> list(Iterable<Document> documents) {
    List<StoredFile> files = new ArrayList<>();
    documents.forEach(d -> files.add(toFile(d)));
    return files;
  }

  static Document toDocument(StoredFile f) {
    return new Document("_id", f.fileName())
        .append("fileName", f.fileName())
        .append("clientName", f.clientName())
        .append("clientId", f.clientId())
        .append("activity", f.activity().name())
        .append("gridFs_id", f.gridFsId())
        .append("meta_data", new Document(new LinkedHashMap<>(f.metaData())))
        .append("created", Date.from(f.created()))
        .append("poolId", f.poolId())
        .append("timestamp", Date.from(f.timestamp()))
        .append("size", f.size())
        .append("sha256", f.sha256())
        .append("contentType", f.contentType())
        .append("groupId", f.groupId())
        .append("uploadId", f.uploadId())
        .append("ownerId", f.ownerId())
        .append("reason", f.reason());
  }

  static StoredFile toFile(Document d) {
    Map<String, String> meta = new LinkedHashMap<>();
    Document m = d.get("meta_data", Document.class);
    if (m != null) {
      m.forEach((k, v) -> meta.put(k, v == null ? null : v.toString()));
    }
    Number size = d.get("size", Number.class);
    return new StoredFile(
        d.getString("fileName"),
        d.getString("uploadId"),
        d.getString("poolId"),
        d.getString("clientId"),
        d.getString("clientName"),
        d.getString("ownerId"),
        Activity.valueOf(d.getString("activity")),
        d.getString("gridFs_id"),
        meta,
        d.getDate("created").toInstant(),
        d.getDate("timestamp").toInstant(),
        size == null ? 0 : size.longValue(),
        d.getString("sha256"),
        d.getString("contentType"),
        d.getString("reason"),
        d.getString("groupId"));
  }

  @Override
  public long countStored() {
    return index.countDocuments(Filters.eq("activity", org.dropcart.file.domain.Activity.STORED.name()));
  }
}
