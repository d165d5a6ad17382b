package zcnas.util;

/** Asked for help instead of work (e.g. {@code -P "naswot -h"}): the tool prints the text on stdout and succeeds. */
public class HelpRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HelpRequest(String text) {
    super(text);
  }
}
