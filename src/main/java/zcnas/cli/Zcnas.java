package zcnas.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import weka.core.CommandlineRunnable;
import zcnas.space.SearchSpace;
import zcnas.util.HelpRequest;
import zcnas.util.ZcnasException;

/**
 * Entry point of the command-line tools: {@code zcnas <tool> [options]}, directly or as
 * {@code java weka.Run zcnas.cli.Zcnas <tool> [options]} from an installed package. Each tool parses its options,
 * calls the library, and prints; help goes to stdout, errors to stderr as one line.
 */
public final class Zcnas implements CommandlineRunnable {
  /** A tool: runs with its options and returns the exit status. */
  interface Tool {
    int run(String[] options) throws Exception;

    /** One line: what the tool does. */
    String summary();

    String usage();
  }

  /** A tool over the architectures of one space (-space), with the common options (seed, data, device) parsed. */
  interface SpaceTool extends Tool {
    @Override
    default int run(String[] options) throws Exception {
      CommonOptions common = new CommonOptions();
      common.parse(options);
      return run(common.space(options), common, options);
    }

    <A> int run(SearchSpace<A> space, CommonOptions common, String[] options) throws Exception;
  }

  private static final Map<String, Tool> TOOLS = new LinkedHashMap<>();

  static {
    TOOLS.put("score", new ScoreTool());
    TOOLS.put("correlate", new CorrelateTool());
    TOOLS.put("benchmark", new BenchmarkTool());
    TOOLS.put("arff", new ArffTool());
    TOOLS.put("experiment", new ExperimentTool());
    TOOLS.put("experimenter", new ExperimenterTool());
    TOOLS.put("search", new SearchTool());
  }

  public static void main(String[] args) {
    Runtime.getRuntime().addShutdownHook(new Thread(Interruption::report, "zcnas-interrupt"));
    int status = run(args, System.out, System.err);
    Interruption.finished();
    System.exit(status);
  }

  @Override
  public void preExecution() {
  }

  /** Called by {@code weka.Run}; a failing tool ends the JVM with its status so scripts can test it. */
  @Override
  public void run(Object toRun, String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  @Override
  public void postExecution() {
  }

  /** Runs a tool with help on stdout and errors on err; for tests that read only one stream. */
  public static int run(String[] args, PrintStream err) {
    return run(args, err, err);
  }

  /** Runs a tool and returns its exit status; errors are reported as one clear line, not a stack trace. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("help") || args[0].equals("--help")) {
      (args.length == 0 ? err : out).println(usage());
      return args.length == 0 ? 2 : 0;
    }
    Tool tool = TOOLS.get(args[0]);
    if (tool == null) {
      err.println("zcnas: unknown tool '" + args[0] + "'\n" + usage());
      return 2;
    }
    String[] options = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.asList(options).contains("-h") || Arrays.asList(options).contains("-help")
        || Arrays.asList(options).contains("--help")) {
      out.println(tool.usage());
      return 0;
    }
    try {
      return tool.run(options);
    } catch (HelpRequest h) {
      out.print(h.getMessage());
      return 0;
    } catch (ZcnasException e) {
      err.println("zcnas " + args[0] + ": error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      // Weka's option parsing reports unknown or malformed options as plain Exceptions.
      err.println("zcnas " + args[0] + ": error: " + e.getMessage() + "\n(zcnas " + args[0] + " -h lists the options)");
      return 1;
    }
  }

  static String usage() {
    StringBuilder sb = new StringBuilder("usage: zcnas <tool> [options]   (zcnas <tool> -h lists its options)\ntools:\n");
    for (Map.Entry<String, Tool> t : TOOLS.entrySet()) {
      sb.append(String.format("  %-13s %s%n", t.getKey(), t.getValue().summary()));
    }
    return sb.toString().stripTrailing();
  }
}
