package zcnas.weka;

import java.awt.BorderLayout;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import zcnas.data.CifarDataset;
import zcnas.proxy.ZeroCostProxy;
import zcnas.space.SearchSpace;
import zcnas.util.Progress;

/**
 * Shows the scoring of a Weka adapter to its user: in a GUI (a visible window in this JVM, e.g. the Explorer), a
 * progress window with done/total, rate and time left, closed when the scoring ends or is stopped; elsewhere
 * (command line, Experimenter runs headless) the same lines on stderr. Weka's panels do not hand their log to
 * evaluators, so a window of its own is what reaches the user, as WekaDeeplearning4j's ProgressManager does.
 */
final class ScoringProgress implements Progress.Sink, AutoCloseable {
  private final String title;
  private final JDialog dialog;
  private final JLabel label;
  private final JProgressBar bar;

  private ScoringProgress(String title, JDialog dialog, JLabel label, JProgressBar bar) {
    this.title = title;
    this.dialog = dialog;
    this.label = label;
    this.bar = bar;
  }

  /** A progress display for scoring {@code total} architectures. */
  static ScoringProgress open(List<ZeroCostProxy> proxies, SearchSpace<?> space, CifarDataset images, int total) {
    String title = "Scoring " + total + " " + space.id() + " architectures with "
        + String.join(", ", proxies.stream().map(ZeroCostProxy::name).toList()) + " on " + images.id() + " images";
    Frame owner = guiWindow();
    if (owner == null) {
      System.err.println(title);
      return new ScoringProgress(title, null, null, null);
    }
    JLabel label = new JLabel("starting (the first architecture also starts PyTorch)");
    JProgressBar bar = new JProgressBar(0, total);
    bar.setStringPainted(true);
    JDialog dialog = new JDialog(owner, "Zero-cost proxies", false);
    JPanel panel = new JPanel(new BorderLayout(8, 8));
    panel.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
    panel.add(new JLabel(title), BorderLayout.NORTH);
    panel.add(bar, BorderLayout.CENTER);
    panel.add(label, BorderLayout.SOUTH);
    dialog.setContentPane(panel);
    SwingUtilities.invokeLater(() -> {
      dialog.pack();
      dialog.setSize(Math.max(dialog.getWidth(), 560), dialog.getHeight());
      dialog.setLocationRelativeTo(owner);
      dialog.setVisible(true);
    });
    return new ScoringProgress(title, dialog, label, bar);
  }

  /** A visible window of this JVM, when there is one: then the user sits in front of a GUI. */
  private static Frame guiWindow() {
    if (GraphicsEnvironment.isHeadless() || Boolean.getBoolean("zcnas.noProgressWindow")) {
      return null;
    }
    for (Frame f : Frame.getFrames()) {
      if (f.isVisible()) {
        return f;
      }
    }
    return null;
  }

  @Override
  public void accept(String line) {
    if (dialog == null) {
      System.err.println(line);
    } else {
      SwingUtilities.invokeLater(() -> label.setText(line));
    }
  }

  @Override
  public void update(int done, int total, String line) {
    if (bar != null) {
      SwingUtilities.invokeLater(() -> {
        bar.setMaximum(total);
        bar.setValue(done);
        label.setText(line);
      });
    }
  }

  @Override
  public void close() {
    if (dialog != null) {
      SwingUtilities.invokeLater(dialog::dispose);
    }
  }

  @Override
  public String toString() {
    return title;
  }
}
