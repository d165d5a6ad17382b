package zcnas.util;

/** An error caused by the user's input or environment, with a message that names the problem and the place. */
public class ZcnasException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ZcnasException(String message) {
    super(message);
  }

  public ZcnasException(String message, Throwable cause) {
    super(message, cause);
  }
}
