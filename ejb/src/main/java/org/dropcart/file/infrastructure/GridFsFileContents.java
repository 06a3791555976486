package org.dropcart.file.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.dropcart.file.domain.FileContents;
import org.dropcart.platform.infrastructure.store.MongoStore;

/**
 * Stored files' bytes in the GridFS layout of bucket {@code files}: a {@code files.files} document
 * per file ({@code _id}, {@code length}, {@code chunkSize}, {@code uploadDate}, {@code filename},
 * {@code metadata}) and its {@code files.chunks} ({@code files_id}, {@code n}, {@code data}), so any
 * GridFS reader can read them.
 *
 * <p>Each chunk's {@code _id} is {@code <file id>/<n>}, and every read, write and delete goes by
 * {@code _id}: the embedded Mongo-wire server has no secondary indexes, so the driver's GridFS
 * (which finds chunks by {@code files_id}) would scan every chunk of every file for each one it
 * reads. Chunks are written first and the files document last, so a file is visible only whole;
 * writing under an existing id replaces it (a second store of the same file stores it once).
 */
@ApplicationScoped
public class GridFsFileContents implements FileContents {
  static final String BUCKET = "files";
  static final int CHUNK_SIZE = 1024 * 1024;
  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  @Inject private MongoStore store;

  private MongoCollection<Document> fileDocuments;
  private MongoCollection<Document> chunks;

  @PostConstruct
  void open() {
    fileDocuments = store.database().getCollection(BUCKET + ".files");
    chunks = store.database().getCollection(BUCKET + ".chunks");
  }

  private static String chunkId(String id, long n) {
    return id + "/" + n;
  }

  @Override
  public long write(String id, String name, Map<String, String> metadata, InputStream content) throws IOException {
    fileDocuments.deleteOne(Filters.eq("_id", id));
    long length = 0;
    long n = 0;
    byte[] buffer = new byte[CHUNK_SIZE];
    while (true) {
      int filled = content.readNBytes(buffer, 0, CHUNK_SIZE);
      if (filled == 0) {
        break;
      }
      byte[] data = filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled);
      chunks.replaceOne(Filters.eq("_id", chunkId(id, n)), new Document("_id", chunkId(id, n))
          .append("files_id", id).append("n", (int) n).append("data", new Binary(data)), UPSERT);
      length += filled;
      n++;
      if (filled < CHUNK_SIZE) {
        break;
      }
    }
    deleteChunksFrom(id, n); // what an earlier, longer attempt left beyond the end
    fileDocuments.replaceOne(Filters.eq("_id", id), new Document("_id", id)
        .append("length", length)
        .append("chunkSize", CHUNK_SIZE)
        .append("uploadDate", new Date())
        .append("filename", name)
        .append("metadata", new Document(new LinkedHashMap<>(metadata))), UPSERT);
    return length;
  }

  @Override
  public InputStream read(String id, long from) throws IOException {
    Document file = fileDocuments.find(Filters.eq("_id", id)).first();
    if (file == null) {
      throw new IOException("No content " + id);
    }
    long length = file.get("length", Number.class).longValue();
    int chunkSize = file.get("chunkSize", Number.class).intValue();
    if (from > length) {
      throw new IOException("Content " + id + " ends before byte " + from);
    }
    return new ChunkStream(id, length, chunkSize, from);
  }

  @Override
  public boolean exists(String id) {
    return fileDocuments.find(Filters.eq("_id", id)).first() != null;
  }

  @Override
  public void delete(String id) {
    // The files document first: without it the content is invisible at once.
    fileDocuments.deleteOne(Filters.eq("_id", id));
    deleteChunksFrom(id, 0);
  }

  /** Deletes the chunks numbered {@code n} and up, which are consecutive. */
  private void deleteChunksFrom(String id, long n) {
    for (long i = n; chunks.deleteOne(Filters.eq("_id", chunkId(id, i))).getDeletedCount() > 0; i++) {
      // next
    }
  }

  @Override
  public void makeDurable() {
    store.makeDurable();
  }

  /** A file's bytes from a position on, one chunk fetched at a time by its id. */
  private final class ChunkStream extends InputStream {
    private final String id;
    private final long length;
    private final int chunkSize;
    private long position;
    private byte[] chunk;
    private long chunkStart = -1;

    ChunkStream(String id, long length, int chunkSize, long from) {
      this.id = id;
      this.length = length;
      this.chunkSize = chunkSize;
      this.position = from;
    }

    private boolean load() throws IOException {
      if (position >= length) {
        return false;
      }
      long n = position / chunkSize;
      if (chunkStart != n * chunkSize) {
        Document doc = chunks.find(Filters.eq("_id", chunkId(id, n))).first();
        if (doc == null) {
          throw new IOException("Chunk " + n + " of content " + id + " is missing");
        }
        chunk = doc.get("data", Binary.class).getData();
        chunkStart = n * chunkSize;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      if (!load()) {
        return -1;
      }
      return chunk[(int) (position++ - chunkStart)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!load()) {
        return -1;
      }
      int at = (int) (position - chunkStart);
      int n = (int) Math.min(len, Math.min(chunk.length - at, length - position));
      System.arraycopy(chunk, at, b, off, n);
      position += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long skipped = Math.max(0, Math.min(n, length - position));
      position += skipped;
      return skipped;
    }
  }
}
