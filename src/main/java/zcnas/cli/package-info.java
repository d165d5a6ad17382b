/**
 * The command-line tools (zcnas <tool>): each parses its options, calls the library, and prints. CommonOptions
 * reads the options they share once.
 *
 * <p>May depend on: every zcnas package; nothing depends on this one.
 */
package zcnas.cli;
