package zcnas.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's commands as a user would, in a child process, and captures what they print. */
final class Processes {
  record Result(int status, String output) {
  }

  private Processes() {
  }

  static Path projectDir() {
    return Paths.get(System.getProperty("zcnas.projectDir", ".")).toAbsolutePath();
  }

  static String wekaClasspath() throws IOException {
    return Files.readString(projectDir().resolve("target/weka.classpath"), StandardCharsets.UTF_8).trim();
  }

  static Result run(Map<String, String> env, long timeoutSeconds, String... command) throws Exception {
    return runIn(projectDir(), env, timeoutSeconds, command);
  }

  /** Installs the package zip into a fresh WEKA_HOME with Weka's own package manager, offline. */
  static Map<String, String> installPackage(Path wekaHome) throws Exception {
    Path zip = Paths.get(System.getProperty("zcnas.packageZip"));
    if (!Files.isRegularFile(zip)) {
      throw new AssertionError("package zip missing: " + zip);
    }
    Map<String, String> env = Map.of("WEKA_HOME", wekaHome.toString(), "ZCNAS_DATA", System.getProperty("zcnas.data"));
    Result install = run(env, 300, "java", "-cp", wekaClasspath(), "weka.core.WekaPackageManager", "-offline",
        "-install-package", zip.toString());
    if (install.status() != 0 || !Files.isRegularFile(wekaHome.resolve("packages/robustZeroCostNAS/Description.props"))) {
      throw new AssertionError("install failed:\n" + install.output());
    }
    return env;
  }

  static Result runIn(Path dir, Map<String, String> env, long timeoutSeconds, String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
