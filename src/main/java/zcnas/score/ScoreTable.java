package zcnas.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import zcnas.util.AtomicFiles;
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

  public void writeCsv(Path file) {
    AtomicFiles.write(file, out -> {
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
    });
  }

  public void writeArff(Path file, String relation) {
    AtomicFiles.write(file, out -> {
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
    });
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
