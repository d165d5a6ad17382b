package zcnas.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import zcnas.util.ZcnasException;

/**
 * A persistent map from everything that determines a score to the score: an append-only text file of
 * {@code key TAB value} lines, flushed after every score, so an interrupted run loses nothing it computed.
 * A torn last line (the process killed mid-write) is ignored when the file is read back.
 */
public final class ScoreCache implements AutoCloseable {
  /** Bump when the scoring code changes what a key means, so stale scores are not reused. */
  public static final String REVISION = "r1";

  private final Path file;
  private final Map<String, Double> scores = new HashMap<>();
  private Writer writer;

  private ScoreCache(Path file) {
    this.file = file;
  }

  /** A cache backed by a file (created on first write), or a memory-only cache when file is null. */
  public static ScoreCache open(Path file) {
    ScoreCache cache = new ScoreCache(file);
    if (file != null && Files.exists(file)) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          int tab = line.lastIndexOf('\t');
          if (tab <= 0) {
            continue;
          }
          try {
            cache.scores.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
          } catch (NumberFormatException torn) {
            // a line cut short by an interrupted write: that score is simply computed again
          }
        }
      } catch (IOException e) {
        throw new ZcnasException("cannot read score cache " + file + ": " + e.getMessage(), e);
      }
    }
    return cache;
  }

  /** Where scores are kept unless a tool is told otherwise: ~/.zcnas/scores.tsv. */
  public static Path defaultFile() {
    return java.nio.file.Paths.get(System.getProperty("user.home"), ".zcnas", "scores.tsv");
  }

  public static String key(String... parts) {
    return REVISION + " " + String.join(" | ", parts).replace('\t', ' ').replace('\n', ' ');
  }

  public synchronized Double get(String key) {
    return scores.get(key);
  }

  public synchronized int size() {
    return scores.size();
  }

  public synchronized void put(String key, double value) {
    scores.put(key, value);
    if (file == null) {
      return;
    }
    try {
      if (writer == null) {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      writer.write(key + "\t" + value + "\n");
      writer.flush();
    } catch (IOException e) {
      throw new ZcnasException("cannot write score cache " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new ZcnasException("cannot close score cache " + file + ": " + e.getMessage(), e);
      }
      writer = null;
    }
  }
}
