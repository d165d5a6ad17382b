package zcnas.weka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import zcnas.space.ArchitectureList;
import zcnas.space.SearchSpace;
import zcnas.space.Spaces;
import zcnas.util.ZcnasException;

/** The attribute of a Weka data set that holds the architectures, and reading them in a space. */
final class ArchitectureColumn {
  private static final Logger LOG = LoggerFactory.getLogger(ArchitectureColumn.class);
  /** The attribute's name; empty: the first string attribute, else the first nominal one that is not the class. */
  private final String name;
  /** Skip missing and malformed values (logged) instead of failing on the first. */
  private final boolean skipBad;

  ArchitectureColumn(String name, boolean skipBad) {
    this.name = name;
    this.skipBad = skipBad;
  }

  /** The architecture attribute: named, or the first string attribute, or the first nominal one; -1 if none. */
  int find(Instances data) {
    if (!name.isEmpty()) {
      Attribute a = data.attribute(name);
      return a != null && (a.isString() || a.isNominal()) ? a.index() : -1;
    }
    for (int i = 0; i < data.numAttributes(); i++) {
      if (data.attribute(i).isString()) {
        return i;
      }
    }
    for (int i = 0; i < data.numAttributes(); i++) {
      if (data.attribute(i).isNominal() && i != data.classIndex()) {
        return i;
      }
    }
    return -1;
  }

  /** The space whose notation the first architecture value is in (NB201 where none is recognised). */
  SearchSpace<?> space(Instances data) {
    int attr = find(data);
    for (int r = 0; attr >= 0 && r < data.numInstances(); r++) {
      if (!data.instance(r).isMissing(attr)) {
        String id = Spaces.recognise(data.instance(r).stringValue(attr));
        if (id != null) {
          return Spaces.byId(id);
        }
      }
    }
    return Spaces.byId("nb201");
  }

  /**
   * The architecture of each instance, null where it is missing or malformed and skipping is on; otherwise such a
   * row is an error naming the row (1-based, as the Viewer shows it), the attribute and the value.
   */
  <A> List<A> read(Instances data, SearchSpace<A> space) {
    int attr = find(data);
    List<A> archs = new ArrayList<>(Collections.nCopies(data.numInstances(), null));
    if (attr < 0) {
      String what = name.isEmpty() ? "no string or nominal attribute holds the architectures"
          : "no string or nominal attribute named '" + name + "'";
      if (skipBad) {
        LOG.warn("data set '{}': {}; every row is skipped", data.relationName(), what);
        return archs;
      }
      throw new ZcnasException("data set '" + data.relationName() + "': " + what + " (set the architecture attribute)");
    }
    String attrName = data.attribute(attr).name();
    int skipped = 0;
    for (int r = 0; r < data.numInstances(); r++) {
      Instance inst = data.instance(r);
      String problem;
      if (inst.isMissing(attr)) {
        problem = "row " + (r + 1) + ": attribute '" + attrName + "' is missing";
      } else {
        try {
          archs.set(r, ArchitectureList.parse(space, inst.stringValue(attr)));
          continue;
        } catch (ZcnasException e) {
          problem = "row " + (r + 1) + ", attribute '" + attrName + "', value '"
              + ArchitectureList.visible(inst.stringValue(attr)) + "': " + e.getMessage();
        }
      }
      if (!skipBad) {
        throw new ZcnasException("data set '" + data.relationName() + "', " + problem);
      }
      if (skipped++ < 3) {
        LOG.warn("skipped {}", problem);
      }
    }
    if (skipped > 3) {
      LOG.warn("skipped {} rows in all", skipped);
    }
    return archs;
  }
}
