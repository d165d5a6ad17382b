package zcnas.space.nb201;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import zcnas.util.Numbers;
import zcnas.util.ZcnasException;

/**
 * One NAS-Bench-201 benchmark table: a row per architecture with its {@code nb201_index}, {@code arch} string
 * and numeric columns (accuracies). Lookups go by architecture or by benchmark index.
 */
public final class Nb201Table {
  private final Path file;
  private final List<String> columns;
  private final Map<Nb201Architecture, double[]> byArch = new HashMap<>();
  private final Map<Nb201Architecture, Integer> indexByArch = new HashMap<>();
  private final Map<Nb201Architecture, Integer> isomorphismClass = new HashMap<>();
  private final Nb201Architecture[] archByIndex = new Nb201Architecture[Nb201Architecture.SPACE_SIZE];

  private Nb201Table(Path file, List<String> columns) {
    this.file = file;
    this.columns = columns;
  }

  /** Reads a table; the numeric columns are every column but {@code nb201_index}, {@code arch} and {@code uid_noniso}. */
  public static Nb201Table read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ZcnasException("NB201 table not found: " + file
          + " (point -bench at the folder holding the NAS-Bench-201 CSV tables)");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("arch") || !header.contains("nb201_index")) {
        throw new ZcnasException(file + ": header must have 'nb201_index' and 'arch' columns, has " + header);
      }
      List<String> numeric = new ArrayList<>();
      for (String h : header) {
        if (!h.equals("arch") && !h.equals("nb201_index") && !h.equals("uid_noniso")) {
          numeric.add(h);
        }
      }
      Nb201Table table = new Nb201Table(file, Collections.unmodifiableList(numeric));
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        if (record.size() != header.size()) {
          throw new ZcnasException(file + ":" + line + ": expected " + header.size() + " fields, found " + record.size());
        }
        Nb201Architecture arch;
        try {
          arch = Nb201Architecture.parse(record.get("arch"));
        } catch (ZcnasException e) {
          throw new ZcnasException(file + ":" + line + ": " + e.getMessage(), e);
        }
        int index = parseIndex(file, line, record.get("nb201_index"));
        double[] values = new double[numeric.size()];
        for (int c = 0; c < values.length; c++) {
          String v = record.get(numeric.get(c)).trim();
          try {
            values[c] = Numbers.parse(v);
          } catch (NumberFormatException e) {
            throw new ZcnasException(file + ":" + line + ": column '" + numeric.get(c) + "' is not a number: '" + v + "'");
          }
        }
        table.byArch.put(arch, values);
        if (header.contains("uid_noniso")) {
          table.isomorphismClass.put(arch, parseIndex(file, line, record.get("uid_noniso")));
        }
        table.indexByArch.put(arch, index);
        table.archByIndex[index] = arch;
      }
      return table;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ZcnasException("cannot read NB201 table " + file + ": " + e.getMessage(), e);
    }
  }

  private static int parseIndex(Path file, long line, String text) {
    try {
      int index = Integer.parseInt(text.trim());
      if (index < 0 || index >= Nb201Architecture.SPACE_SIZE) {
        throw new NumberFormatException("out of range");
      }
      return index;
    } catch (NumberFormatException e) {
      throw new ZcnasException(file + ":" + line + ": nb201_index '" + text + "' is not an index 0.."
          + (Nb201Architecture.SPACE_SIZE - 1));
    }
  }

  public Path file() {
    return file;
  }

  public List<String> columns() {
    return columns;
  }

  public int size() {
    return byArch.size();
  }

  /** The column's value for the architecture, or NaN when the table does not have it. */
  public double value(Nb201Architecture arch, String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new ZcnasException(file + " has no column '" + column + "' (columns: " + columns + ")");
    }
    double[] row = byArch.get(arch);
    return row == null ? Double.NaN : row[c];
  }

  /** The NAS-Bench-201 index of the architecture, or -1 when the table lacks it. */
  public int index(Nb201Architecture arch) {
    Integer i = indexByArch.get(arch);
    return i == null ? -1 : i;
  }

  /** The architecture's isomorphism class ({@code uid_noniso}), or -1 when the table has none for it. */
  public int isomorphismClass(Nb201Architecture arch) {
    Integer c = isomorphismClass.get(arch);
    return c == null ? -1 : c;
  }

  public Nb201Architecture architecture(int index) {
    if (index < 0 || index >= archByIndex.length || archByIndex[index] == null) {
      throw new ZcnasException(file + " has no architecture with nb201_index " + index);
    }
    return archByIndex[index];
  }
}
