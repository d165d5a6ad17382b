package zcnas.score;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import zcnas.util.AtomicFiles;
import zcnas.util.Numbers;
import zcnas.util.ZcnasException;

/**
 * A table with one row per architecture: an integer index column, the architecture string, and numeric columns
 * (scores, accuracies). Written as CSV and ARFF, each atomically (a temporary file moved into place).
 */
public final class ScoreTable {
  private final String indexColumn;
  private final List<String> numericColumns;
  private final List<Integer> indices = new ArrayList<>();
  private final List<String> archs = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();

  public ScoreTable(String indexColumn, List<String> numericColumns) {
    this.indexColumn = indexColumn;
    this.numericColumns = List.copyOf(numericColumns);
  }

  public void add(int index, String arch, double[] row) {
    if (row.length != numericColumns.size()) {
      throw new IllegalArgumentException("row has " + row.length + " values for " + numericColumns.size() + " columns");
    }
    indices.add(index);
    archs.add(arch);
    values.add(row.clone());
  }

  public int rows() {
    return archs.size();
  }

  public List<String> numericColumns() {
    return numericColumns;
  }

  /** A copy with that numeric column last (where Weka takes the class attribute from by default). */
  public ScoreTable withLast(String name) {
    column(name);
    List<String> order = new ArrayList<>(numericColumns);
    order.remove(name);
    order.add(name);
    ScoreTable t = new ScoreTable(indexColumn, order);
    for (int r = 0; r < values.size(); r++) {
      double[] row = new double[order.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = values.get(r)[numericColumns.indexOf(order.get(c))];
      }
      t.add(indices.get(r), archs.get(r), row);
    }
    return t;
  }

  /** A numeric column by name; an unknown name is an error listing the columns. */
  public double[] column(String name) {
    int c = numericColumns.indexOf(name);
    if (c < 0) {
      throw new ZcnasException("no column '" + name + "' (columns: " + numericColumns + ")");
    }
    double[] out = new double[values.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = values.get(r)[c];
    }
    return out;
  }

  /** Writes the table as CSV atomically (index, arch, then the numeric columns). */
  public void writeCsv(Path file) {
    AtomicFiles.write(file, this::csv);
  }

  /** Writes the table as ARFF atomically: arch as a string attribute, the rest numeric. */
  public void writeArff(Path file, String relation) {
    AtomicFiles.write(file, out -> arff(out, relation));
  }

  /** The CSV and the ARFF beside it ({@link #arffBeside}), both or neither. */
  public void writeCsvAndArff(Path csv, String relation) {
    Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
    files.put(csv, this::csv);
    files.put(arffBeside(csv), out -> arff(out, relation));
    AtomicFiles.write(files);
  }

  /** OUT.arff beside OUT.csv. */
  public static Path arffBeside(Path csv) {
    String name = csv.getFileName().toString();
    String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(base + ".arff");
  }

  /** Fails now if OUT.csv or the ARFF beside it could not be written after the scoring. */
  public static void checkWritable(Path csv) {
    AtomicFiles.checkWritable(csv, "output");
    AtomicFiles.checkWritable(arffBeside(csv), "output");
  }

  private void csv(Writer out) throws IOException {
    List<String> header = new ArrayList<>();
    header.add(indexColumn);
    header.add("arch");
    header.addAll(numericColumns);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      printer.printRecord(header);
      for (int r = 0; r < archs.size(); r++) {
        List<Object> record = new ArrayList<>();
        record.add(indices.get(r));
        record.add(archs.get(r));
        for (double v : values.get(r)) {
          record.add(format(v));
        }
        printer.printRecord(record);
      }
    }
  }

  private void arff(Writer out, String relation) throws IOException {
    out.write("@relation " + quote(relation) + "\n\n");
    out.write("@attribute " + quote(indexColumn) + " numeric\n");
    out.write("@attribute arch string\n");
    for (String c : numericColumns) {
      out.write("@attribute " + quote(c) + " numeric\n");
    }
    out.write("\n@data\n");
    for (int r = 0; r < archs.size(); r++) {
      StringBuilder line = new StringBuilder();
      line.append(indices.get(r) < 0 ? "?" : indices.get(r).toString()).append(',').append(quote(archs.get(r)));
      for (double v : values.get(r)) {
        // ARFF has no infinities: a non-finite score is missing there (the CSV keeps the value).
        line.append(',').append(Double.isFinite(v) ? format(v) : "?");
      }
      out.write(line.append('\n').toString());
    }
  }

  /**
   * Reads a score CSV as written by {@link #writeCsv}: an optional index column first, {@code arch}, then numeric
   * columns ("?" or empty = NaN). Errors name the file, line and column.
   */
  public static ScoreTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ZcnasException("score file not found: " + file);
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("arch")) {
        throw new ZcnasException(file + ": no 'arch' column in header " + header);
      }
      String index = header.get(0).equals("arch") ? null : header.get(0);
      List<String> numeric = new ArrayList<>();
      for (String h : header) {
        if (!h.equals("arch") && !h.equals(index)) {
          numeric.add(h);
        }
      }
      ScoreTable table = new ScoreTable(index == null ? "index" : index, numeric);
      for (CSVRecord r : parser) {
        long line = r.getRecordNumber() + 1;
        double[] row = new double[numeric.size()];
        for (int c = 0; c < row.length; c++) {
          String v = r.get(numeric.get(c)).trim();
          try {
            row[c] = Numbers.parse(v);
          } catch (NumberFormatException e) {
            throw new ZcnasException(file + ":" + line + ": column '" + numeric.get(c) + "' is not a number: '" + v
                + "'");
          }
        }
        int idx = index == null ? -1 : (int) Double.parseDouble(r.get(index));
        table.add(idx, r.get("arch"), row);
      }
      return table;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ZcnasException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The architecture string of a row. */
  public String arch(int row) {
    return archs.get(row);
  }

  /** The index column's value of a row (-1 where missing). */
  public int index(int row) {
    return indices.get(row);
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      // counts, indices and parameter numbers read as integers
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.10g", v).trim();
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

}
