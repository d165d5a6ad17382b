package zcnas.util;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes files through temporary ones beside them, moved into place only when every one of a set is complete:
 * readers never see half a file, and a failure leaves no file of the set half-written or new without the others.
 * Files get the permissions of any file the process creates (the umask applies).
 */
public final class AtomicFiles {
  /** What is written. */
  public interface Content {
    void write(Writer out) throws IOException;
  }

  private AtomicFiles() {
  }

  /** Writes the file through a temporary sibling and a rename: readers see the old file or the whole new one. */
  public static void write(Path file, Content content) {
    Map<Path, Content> one = new LinkedHashMap<>();
    one.put(file, content);
    write(one);
  }

  /** Writes every file to a temporary one first, then moves them all into place. */
  public static void write(Map<Path, Content> files) {
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<Path, Content> f : files.entrySet()) {
        Path target = f.getKey().toAbsolutePath();
        if (target.getParent() != null) {
          Files.createDirectories(target.getParent());
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        moves.add(new Path[] {tmp, target});
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
          f.getValue().write(out);
        }
      }
      for (Path[] m : moves) {
        try {
          Files.move(m[0], m[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(m[0], m[1], StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new ZcnasException("cannot write " + (moves.isEmpty() ? files.keySet().iterator().next()
          : moves.get(moves.size() - 1)[1]) + ": " + e, e);
    } finally {
      for (Path[] m : moves) {
        try {
          Files.deleteIfExists(m[0]);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless; the error above is what matters
        }
      }
    }
  }

  /**
   * Fails now if the file could not be written later: its folder cannot be created or written, or the path is a
   * folder. Checked before long work starts, so no work is lost to a bad output path.
   */
  public static void checkWritable(Path file, String what) {
    Path target = file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new ZcnasException(what + " " + file + " is a folder, not a file");
    }
    Path dir = target.getParent();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".probe"));
      Files.delete(probe);
    } catch (IOException | RuntimeException e) {
      throw new ZcnasException("cannot write " + what + " " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new ZcnasException("cannot write " + what + " " + file + ": the file is not writable");
    }
  }
}
