package zcnas.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The process's resident memory as the Linux kernel reports it (native tensors included, unlike the Java heap). */
public final class Memory {
  /** Resident MiB right after the last return of the C heap's free pages, or null before the first. */
  private static volatile String afterTrim;

  private Memory() {
  }

  /**
   * Records resident memory now, just after the C heap was trimmed: between trims the reading depends on how much
   * freed memory glibc still holds, so only readings at this point of the cycle compare across a long run.
   */
  public static void recordAfterTrim() {
    afterTrim = residentMiB();
  }

  /** Resident MiB at the last {@link #recordAfterTrim()}, or null if there was none in this JVM. */
  public static String afterTrimMiB() {
    return afterTrim;
  }

  /** Resets the high-water mark of resident memory for this process (Linux; elsewhere a no-op). */
  public static void resetPeak() {
    try {
      Files.writeString(Paths.get("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: the peak then covers the whole run so far
    }
  }

  /** Peak resident memory in MiB since start or the last reset, "n/a" where the kernel does not say. */
  public static String peakMiB() {
    return status("VmHWM:");
  }

  /** Resident memory now, in MiB, "n/a" where the kernel does not say. */
  public static String residentMiB() {
    return status("VmRSS:");
  }

  private static String status(String field) {
    Path status = Paths.get("/proc/self/status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith(field)) {
          String[] parts = line.trim().split("\\s+");
          return String.format(java.util.Locale.ROOT, "%.0f", Long.parseLong(parts[1]) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return "n/a";
  }
}
