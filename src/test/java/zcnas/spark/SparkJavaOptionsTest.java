package zcnas.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** bin/zcnas and the test JVMs (the pom's spark.java.options) pass every option Spark's launcher would. */
class SparkJavaOptionsTest {
  @Test
  void binZcnasAndThePomHaveSparksJavaModuleOptions() throws Exception {
    String bin = Files.readString(Path.of("bin/zcnas"));
    String pom = Files.readString(Path.of("pom.xml"));
    for (String option : JavaModuleOptions.defaultModuleOptions().split(" ")) {
      assertTrue(bin.contains(option + "\n") || bin.contains(option + ")"), "bin/zcnas lacks " + option);
      assertTrue(pom.contains(option + " ") || pom.contains(option + "<"), "pom.xml lacks " + option);
    }
  }

  @Test
  void thisJvmHasThem() {
    // surefire's argLine: SparkSetup.s own check passes (it throws a one-line ZcnasException otherwise)
    SparkSetup.checkJavaOptions();
  }

  @Test
  void sparksJobFailureMessagesShrinkToOneLine() {
    String m = "Job aborted due to stage failure: Task 1 in stage 2.0 failed 1 times, most recent failure: Lost task "
        + "1.0 in stage 2.0 (TID 5) (127.0.0.1 executor driver): java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)";
    assertTrue(SparkSetup.oneLine(m).equals("Task 1 in stage 2.0 failed 1 times, most recent failure: Lost task 1.0 "
        + "in stage 2.0 (TID 5) (127.0.0.1 executor driver): java.lang.IllegalStateException: boom"));
  }
}
