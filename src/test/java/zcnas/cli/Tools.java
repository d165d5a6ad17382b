package zcnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a zcnas tool in the test's JVM as the command line would, with its output captured. */
public final class Tools {
  private Tools() {
  }

  /** Runs the tool, checks its exit status, and returns what it printed (stdout and stderr together). */
  public static String run(int expected, String... args) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(text, true, StandardCharsets.UTF_8);
    int status = Zcnas.run(args, stream, stream);
    String printed = text.toString(StandardCharsets.UTF_8);
    assertEquals(expected, status, printed);
    return printed;
  }
}
