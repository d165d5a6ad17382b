package zcnas.score;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zcnas.util.ZcnasException;

/**
 * A persistent map from everything that determines a score to the score: an append-only text file, one record a
 * line, {@code key TAB value TAB crc32}, flushed after every score, so an interrupted run loses nothing it computed.
 * The checksum covers key and value, and only a line ended by a newline counts, so a record cut by a crash or a
 * damaged line is never served as a score: it is skipped (and reported) and that score is computed again. NaN is
 * not a score and is never stored.
 */
public final class ScoreCache implements AutoCloseable {
  /**
   * Bump when the scoring code changes what a key means, so stale scores are not reused. r2: scores of r1 could be
   * corrupted by DJL's freed scalar operands (see zcnas.network.TensorOps); keys name the thread count. r3: the
   * official CRoZe's NB201 passes run in single precision at a running exponent by default (its scores move by
   * about 1e-7 of their value). r4: NB201's float32 passes and DARTS's rescaled CRoZe passes run in channels-last
   * memory, whose kernels round differently (GradNorm and Snip move by a median 1e-4 of their value). r5: DARTS's
   * rescaled CRoZe passes run each batch as two halves, each at its own exponent (scores move by about 1e-9).
   */
  public static final String REVISION = "r5";
  private static final Logger LOG = LoggerFactory.getLogger(ScoreCache.class);

  /** Caches not closed yet, for what an interrupted tool reports. */
  private static final Set<ScoreCache> OPEN = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final Map<String, Double> scores = new HashMap<>();
  private OutputStream out;
  private int written;

  private ScoreCache(Path file) {
    this.file = file;
  }

  /** A cache backed by a file (created on first write), or a memory-only cache when file is null. */
  public static ScoreCache open(Path file) {
    ScoreCache cache = new ScoreCache(file);
    if (file != null && Files.exists(file)) {
      cache.load();
    }
    OPEN.add(cache);
    return cache;
  }

  private void load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ZcnasException("cannot read score cache " + file + ": " + e.getMessage()
          + " (move it away or use -cache none)", e);
    }
    int damaged = 0;
    long firstDamaged = 0;
    long line = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      line++;
      if (!readRecord(bytes, start, i) && i > start) {
        if (damaged++ == 0) {
          firstDamaged = line;
        }
      }
      start = i + 1;
    }
    if (start < bytes.length) {
      // a last record without its newline was cut by an interrupted write
      if (damaged++ == 0) {
        firstDamaged = line + 1;
      }
    }
    if (damaged > 0) {
      LOG.warn("score cache {}: skipped {} damaged or incomplete line(s), the first at line {}; those scores are "
          + "computed again", file, damaged, firstDamaged);
    }
  }

  /** Reads one record; false when it is not a complete, well-formed line of this format. */
  private boolean readRecord(byte[] bytes, int from, int to) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    int crcTab = text.lastIndexOf('\t');
    int valueTab = crcTab <= 0 ? -1 : text.lastIndexOf('\t', crcTab - 1);
    if (valueTab <= 0) {
      return false;
    }
    String record = text.substring(0, crcTab);
    if (!text.substring(crcTab + 1).equals(checksum(record))) {
      return false;
    }
    double value;
    try {
      value = Double.parseDouble(text.substring(valueTab + 1, crcTab));
    } catch (NumberFormatException e) {
      return false;
    }
    if (Double.isNaN(value)) {
      return false;
    }
    scores.put(text.substring(0, valueTab), value);
    return true;
  }

  private static String checksum(String record) {
    CRC32 crc = new CRC32();
    crc.update(record.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  /** Where scores are kept unless a tool is told otherwise: ~/.zcnas/scores.tsv. */
  public static Path defaultFile() {
    return java.nio.file.Paths.get(System.getProperty("user.home"), ".zcnas", "scores.tsv");
  }

  /** A record key: the cache revision and the parts (proxy, output, session, space, architecture), on one line. */
  public static String key(String... parts) {
    return REVISION + " " + String.join(" | ", parts).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  public synchronized Double get(String key) {
    return scores.get(key);
  }

  public synchronized int size() {
    return scores.size();
  }

  /** The cache file, or null for a memory-only cache. */
  public Path file() {
    return file;
  }

  /** Stores a score (NaN is not a score: it is neither stored nor served). */
  public synchronized void put(String key, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    scores.put(key, value);
    written++;
    if (file == null) {
      return;
    }
    try {
      if (out == null) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        boolean mendTornEnd = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (mendTornEnd) {
          // end a torn last record so the next one starts on its own line
          out.write('\n');
        }
      }
      String record = key + "\t" + value;
      // one write per record: appends from several processes do not interleave within a line
      out.write((record + "\t" + checksum(record) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new ZcnasException("cannot write score cache " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (var channel = Files.newByteChannel(file)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.position(channel.size() - 1);
      channel.read(last);
      return last.get(0) == '\n';
    }
  }

  /** What the open caches kept of this run's work, in words. */
  public static String describeOpen() {
    StringBuilder sb = new StringBuilder();
    for (ScoreCache c : OPEN) {
      synchronized (c) {
        sb.append(c.file == null ? c.written + " scores computed were not kept (-cache none); "
            : c.written + " scores computed in this run are kept in " + c.file + ": the same command resumes from them; ");
      }
    }
    return sb.length() == 0 ? "no scores were computed" : sb.substring(0, sb.length() - 2);
  }

  @Override
  public synchronized void close() {
    OPEN.remove(this);
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new ZcnasException("cannot close score cache " + file + ": " + e.getMessage(), e);
      }
      out = null;
    }
  }
}
