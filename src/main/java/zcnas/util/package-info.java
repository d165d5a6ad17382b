/**
 * Small helpers every layer may use: errors with a clear message (ZcnasException, HelpRequest), progress with rate
 * and time left, atomic file writes, the process's resident memory.
 *
 * <p>May depend on: the JDK and slf4j only.
 */
package zcnas.util;
