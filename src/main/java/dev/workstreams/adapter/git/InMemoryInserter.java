package dev.workstreams.adapter.git;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;

/**
 * An object inserter that keeps what a merge writes (merged blobs, trees, the virtual merge bases
 * of a criss-cross history) in memory, and a reader that sees those objects beside the repository's.
 * A radar merge only asks "does this conflict, and where": nothing it computes belongs in the mirror,
 * which is never garbage-collected (working copies borrow its objects), so nothing is written there.
 */
final class InMemoryInserter extends ObjectInserter {

  private record Stored(int type, byte[] data) {}

  private final Repository repo;
  private final Map<ObjectId, Stored> objects = new ConcurrentHashMap<>();

  InMemoryInserter(Repository repo) {
    this.repo = repo;
  }

  @Override
  public ObjectId insert(int type, byte[] data, int off, int len) {
    ObjectId id = idFor(type, data, off, len);
    objects.computeIfAbsent(id, k -> new Stored(type, Arrays.copyOfRange(data, off, off + len)));
    return id;
  }

  @Override
  public ObjectId insert(int type, long length, InputStream in) throws IOException {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IOException("an object of " + length + " bytes is too large to merge in memory");
    }
    byte[] data = in.readNBytes((int) length);
    if (data.length != length) {
      throw new IOException("short object: " + data.length + " of " + length + " bytes");
    }
    return insert(type, data, 0, data.length);
  }

  /**
   * Refused by design: a merger inserts single objects (trees, merged blobs), never a pack, and a pack
   * could only be parsed by writing it into the mirror, which the radar must leave as it is.
   */
  @Override
  public PackParser newPackParser(InputStream in) throws IOException {
    throw new IOException("the radar's in-memory inserter takes objects one by one and keeps them out of the mirror;"
        + " it does not parse packs");
  }

  @Override
  public ObjectReader newReader() {
    return new Reader(repo.newObjectReader());
  }

  @Override
  public void flush() {
    // Nothing to write: the objects live as long as this inserter.
  }

  @Override
  public void close() {
    objects.clear();
  }

  private final class Reader extends ObjectReader.Filter {
    private final ObjectReader delegate;

    Reader(ObjectReader delegate) {
      this.delegate = delegate;
    }

    @Override
    protected ObjectReader delegate() {
      return delegate;
    }

    @Override
    public ObjectReader newReader() {
      return new Reader(repo.newObjectReader());
    }

    @Override
    public ObjectInserter getCreatedFromInserter() {
      return InMemoryInserter.this;
    }

    @Override
    public boolean has(AnyObjectId id) throws IOException {
      return objects.containsKey(id.toObjectId()) || delegate.has(id);
    }

    @Override
    public boolean has(AnyObjectId id, int typeHint) throws IOException {
      return objects.containsKey(id.toObjectId()) || delegate.has(id, typeHint);
    }

    @Override
    public ObjectLoader open(AnyObjectId id, int typeHint) throws MissingObjectException, IOException {
      Stored stored = objects.get(id.toObjectId());
      return stored != null ? new ObjectLoader.SmallObject(stored.type(), stored.data()) : delegate.open(id, typeHint);
    }

    @Override
    public ObjectLoader open(AnyObjectId id) throws MissingObjectException, IOException {
      return open(id, OBJ_ANY);
    }

    @Override
    public long getObjectSize(AnyObjectId id, int typeHint) throws MissingObjectException, IOException {
      Stored stored = objects.get(id.toObjectId());
      return stored != null ? stored.data().length : delegate.getObjectSize(id, typeHint);
    }
  }
}
