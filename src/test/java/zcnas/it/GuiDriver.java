package zcnas.it;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.Field;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import weka.attributeSelection.ASEvaluation;
import weka.attributeSelection.Ranker;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.experiment.Experiment;
import weka.gui.explorer.AttributeSelectionPanel;
import weka.gui.explorer.Explorer;
import weka.gui.experiment.Experimenter;

/**
 * Drives the real Weka GUIs with the installed package, as a user would: run in a child JVM whose class path holds
 * Weka and this class only, so every zcnas class comes from the package in WEKA_HOME. Prints the output text area
 * and saves a screenshot of the window.
 *
 * <p>Usage: GuiDriver explorer DATA.arff EVALUATOR_SPEC SHOT.png | GuiDriver explorer-stop DATA.arff EVALUATOR_SPEC
 * PROGRESS_SHOT.png SHOT.png | GuiDriver experimenter EXPERIMENT.xml SHOT.png
 */
public final class GuiDriver {
  private GuiDriver() {
  }

  public static void main(String[] args) throws Exception {
    // As Weka's own GUI mains start: this loads the packages with their props and collects their classes.
    weka.gui.GenericObjectEditor.determineClasses();
    try {
      if (args[0].equals("explorer")) {
        explorer(args[1], args[2], null, args[3]);
      } else if (args[0].equals("explorer-stop")) {
        explorer(args[1], args[2], args[3], args[4]);
      } else {
        experimenter(args[1], args[2]);
      }
    } catch (Exception | Error e) {
      // The GUI's threads would keep a failed driver alive: end it, failing.
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /**
   * Selects attributes with the evaluator and Ranker. With a progress screenshot, first starts, waits until the
   * progress window shows an architecture done, screenshots it, presses Stop, prints the Explorer's log, and starts
   * again: the second run should resume from the score cache.
   */
  static void explorer(String arff, String evaluatorSpec, String progressShot, String shot) throws Exception {
    Explorer explorer = new Explorer();
    JFrame frame = show("Weka Explorer", explorer);
    Instances data = DataSource.read(arff);
    SwingUtilities.invokeAndWait(() -> explorer.getPreprocessPanel().setInstances(data));
    AttributeSelectionPanel panel = null;
    for (Object p : explorer.getPanels()) {
      if (p instanceof AttributeSelectionPanel) {
        panel = (AttributeSelectionPanel) p;
      }
    }
    String[] spec = Utils.splitOptions(evaluatorSpec);
    String name = spec[0];
    spec[0] = "";
    ASEvaluation eval = ASEvaluation.forName(name, spec);
    AttributeSelectionPanel asp = panel;
    JTabbedPane tabs = explorer.getTabbedPane();
    SwingUtilities.invokeAndWait(() -> {
      for (int i = 0; i < tabs.getTabCount(); i++) {
        if (tabs.getTitleAt(i).startsWith("Select")) {
          tabs.setSelectedIndex(i);
        }
      }
    });
    // Choosing an attribute evaluator makes Weka ask whether to switch the search to Ranker: answer Yes.
    SwingUtilities.invokeLater(() ->
        ((weka.gui.GenericObjectEditor) get(asp, "m_AttributeEvaluatorEditor")).setValue(eval));
    answerYes(30);
    waitFor(() -> ((weka.gui.GenericObjectEditor) get(asp, "m_AttributeSearchEditor")).getValue() instanceof Ranker, 30);
    // What the object editor offers for the proxy type, as registered by the package's GenericPropertiesCreator.props.
    Field editorProps = weka.gui.GenericObjectEditor.class.getDeclaredField("EDITOR_PROPERTIES");
    editorProps.setAccessible(true);
    System.out.println("proxy choices: ["
        + ((java.util.Properties) editorProps.get(null)).getProperty("zcnas.proxy.ZeroCostProxy") + "]");
    // The object editor's property sheets: the evaluator's nested settings beans, and the proxies bean's own.
    Object proxies = eval.getClass().getMethod("getProxySelection").invoke(eval);
    for (Object bean : new Object[] {eval, proxies}) {
      weka.gui.PropertySheetPanel sheet = new weka.gui.PropertySheetPanel();
      SwingUtilities.invokeAndWait(() -> sheet.setTarget(bean));
      System.out.println("editable properties of " + bean.getClass().getSimpleName() + ": "
          + sheet.editableProperties());
    }
    JButton start = (JButton) get(panel, "m_StartBut");
    if (progressShot != null) {
      SwingUtilities.invokeAndWait(start::doClick);
      JProgressBar bar = waitForProgress(600);
      System.out.println("progress window: " + bar.getValue() + " of " + bar.getMaximum() + " done; "
          + progressLine(bar));
      screenshot(frame, progressShot);
      SwingUtilities.invokeAndWait(((JButton) get(asp, "m_StopBut"))::doClick);
      waitFor(() -> get(asp, "m_RunThread") == null, 600);
      Thread.sleep(500);
      Object log = get(explorer, "m_LogPanel");
      System.out.println("log after Stop:\n" + ((JTextArea) get(log, "m_LogText")).getText());
      System.out.println("status after Stop: " + ((javax.swing.JLabel) get(log, "m_StatusLab")).getText());
      waitFor(() -> progressBar() == null, 30);
    }
    SwingUtilities.invokeAndWait(start::doClick);
    JTextArea out = (JTextArea) get(panel, "m_OutText");
    waitFor(() -> out.getText().contains("Selected attributes") || out.getText().contains("Problem"), 900);
    Thread.sleep(1000);
    System.out.println(out.getText());
    screenshot(frame, shot);
  }

  /**
   * Opens the saved experiment with the Setup panel's Open button and file chooser (XML files), Starts it on the Run
   * panel, then on the Analyse panel takes the results from the experiment and performs the test on Spearman rho.
   */
  static void experimenter(String xml, String shot) throws Exception {
    Experimenter experimenter = new Experimenter(false);
    JFrame frame = show("Weka Experiment Environment", experimenter);
    weka.gui.experiment.SetupModePanel setup = (weka.gui.experiment.SetupModePanel) get(experimenter, "m_SetupPanel");
    Object panel = get(setup, "m_CurrentPanel");
    JFileChooser chooser = (JFileChooser) get(panel, "m_FileChooser");
    SwingUtilities.invokeLater(((JButton) get(panel, "m_OpenBut"))::doClick);
    waitFor(chooser::isShowing, 30);
    SwingUtilities.invokeAndWait(() -> {
      chooser.setFileFilter((javax.swing.filechooser.FileFilter) get(panel, "m_XMLFilter"));
      chooser.setSelectedFile(new File(xml).getAbsoluteFile());
      chooser.approveSelection();
    });
    waitFor(() -> setup.getExperiment() != null && setup.getExperiment().getDatasets().size() > 0, 60);
    Experiment exp = setup.getExperiment();
    System.out.println("opened: " + exp.getDatasets().size() + " data sets " + exp.getDatasets() + ", "
        + java.lang.reflect.Array.getLength(exp.getPropertyArray()) + " schemes, " + exp.getRunUpper() + " runs, in "
        + get(setup, "m_CurrentPanel").getClass().getSimpleName());
    JTabbedPane tabs = (JTabbedPane) get(experimenter, "m_TabbedPane");
    Object run = get(experimenter, "m_RunPanel");
    SwingUtilities.invokeAndWait(() -> {
      tabs.setSelectedIndex(1);
      ((JButton) get(run, "m_StartBut")).doClick();
    });
    Thread.sleep(2000);
    waitFor(() -> get(run, "m_RunThread") == null, 900);
    System.out.println("run log:\n" + ((JTextArea) get(get(run, "m_Log"), "m_LogText")).getText());
    weka.gui.experiment.ResultsPanel results = (weka.gui.experiment.ResultsPanel) get(experimenter, "m_ResultsPanel");
    JComboBox<?> compare = (JComboBox<?>) get(results, "m_CompareCombo");
    SwingUtilities.invokeAndWait(() -> {
      tabs.setSelectedIndex(2);
      ((JButton) get(results, "m_FromExpBut")).doClick();
    });
    // The results load in the background: the test can be performed once their columns are offered.
    JButton perform = (JButton) get(results, "m_PerformBut");
    waitFor(() -> perform.isEnabled() && indexOf(compare, "Spearman rho") >= 0, 60);
    SwingUtilities.invokeAndWait(() -> {
      compare.setSelectedIndex(indexOf(compare, "Spearman rho"));
      perform.doClick();
    });
    JTextArea out = (JTextArea) get(results, "m_OutText");
    waitFor(() -> out.getText().contains("Analysing"), 120);
    Thread.sleep(1000);
    System.out.println("comparison field: " + compare.getSelectedItem());
    System.out.println(out.getText());
    screenshot(frame, shot);
  }

  /** Waits until the package's progress window shows at least one architecture done. */
  static JProgressBar waitForProgress(int seconds) throws Exception {
    JProgressBar[] found = new JProgressBar[1];
    waitFor(() -> {
      found[0] = progressBar();
      return found[0] != null && found[0].getValue() >= 1;
    }, seconds);
    return found[0];
  }

  /** The progress bar of a visible progress window of the package, or null. */
  static JProgressBar progressBar() {
    for (java.awt.Window w : java.awt.Window.getWindows()) {
      if (w instanceof javax.swing.JDialog && w.isVisible()
          && "Zero-cost proxies".equals(((javax.swing.JDialog) w).getTitle())) {
        return findComponent(((javax.swing.JDialog) w).getContentPane(), JProgressBar.class);
      }
    }
    return null;
  }

  /** The texts of the progress window's labels (its title line and the latest progress line). */
  static String progressLine(JProgressBar bar) {
    StringBuilder sb = new StringBuilder();
    for (java.awt.Component c : bar.getParent().getComponents()) {
      if (c instanceof javax.swing.JLabel) {
        sb.append(((javax.swing.JLabel) c).getText()).append(" | ");
      }
    }
    return sb.toString();
  }

  static <T> T findComponent(java.awt.Container c, Class<T> type) {
    for (java.awt.Component child : c.getComponents()) {
      if (type.isInstance(child)) {
        return type.cast(child);
      }
      if (child instanceof java.awt.Container) {
        T t = findComponent((java.awt.Container) child, type);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  static int indexOf(JComboBox<?> box, String item) {
    for (int i = 0; i < box.getItemCount(); i++) {
      if (box.getItemAt(i).toString().equals(item)) {
        return i;
      }
    }
    return -1;
  }

  /** Waits for a confirmation dialog and presses its Yes button, as a user would. */
  static void answerYes(int seconds) throws Exception {
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < end) {
      for (java.awt.Window w : java.awt.Window.getWindows()) {
        if (w instanceof javax.swing.JDialog && w.isVisible()) {
          javax.swing.JOptionPane pane = findComponent(((javax.swing.JDialog) w).getContentPane(),
              javax.swing.JOptionPane.class);
          if (pane != null) {
            SwingUtilities.invokeLater(() -> pane.setValue(javax.swing.JOptionPane.YES_OPTION));
            return;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no confirmation dialog appeared");
  }

  static JFrame show(String title, java.awt.Component content) throws Exception {
    JFrame frame = new JFrame(title);
    SwingUtilities.invokeAndWait(() -> {
      frame.getContentPane().add(content);
      frame.setSize(1200, 850);
      frame.setLocation(0, 0);
      frame.setVisible(true);
    });
    return frame;
  }

  static void screenshot(JFrame frame, String file) throws Exception {
    Rectangle r = new Rectangle(frame.getLocationOnScreen(), frame.getSize());
    BufferedImage img = new Robot().createScreenCapture(r);
    ImageIO.write(img, "png", new File(file));
  }

  interface Condition {
    boolean holds();
  }

  static void waitFor(Condition c, int seconds) throws Exception {
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (!c.holds()) {
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("timed out after " + seconds + " s");
      }
      Thread.sleep(250);
    }
  }

  static Object get(Object o, String field) {
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(o);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no field " + field + " in " + o.getClass());
  }
}
