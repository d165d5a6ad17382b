package zcnas.cli;

import java.nio.file.Path;
import zcnas.score.ScoreTable;

/** Lets tests in other packages read score CSVs the way the correlate tool does. */
public final class CorrelateToolAccess {
  private CorrelateToolAccess() {
  }

  public static ScoreTable read(Path csv) {
    return CorrelateTool.read(csv);
  }
}
