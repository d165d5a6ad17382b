package zcnas.proxy;

import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/** The papers the proxies come from, as Weka technical information. */
public final class Citations {
  private Citations() {
  }

  public static TechnicalInformation croze() {
    TechnicalInformation t = new TechnicalInformation(Type.INPROCEEDINGS);
    t.setValue(Field.AUTHOR, "Hyeonjeong Ha and Minseon Kim and Sung Ju Hwang");
    t.setValue(Field.TITLE, "Generalizable Lightweight Proxy for Robust NAS against Diverse Perturbations");
    t.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems (NeurIPS)");
    t.setValue(Field.YEAR, "2023");
    return t;
  }

  public static TechnicalInformation abdelfattah() {
    TechnicalInformation t = new TechnicalInformation(Type.INPROCEEDINGS);
    t.setValue(Field.AUTHOR, "Mohamed S. Abdelfattah and Abhinav Mehrotra and Lukasz Dudziak and Nicholas D. Lane");
    t.setValue(Field.TITLE, "Zero-Cost Proxies for Lightweight NAS");
    t.setValue(Field.BOOKTITLE, "International Conference on Learning Representations (ICLR)");
    t.setValue(Field.YEAR, "2021");
    return t;
  }

  public static TechnicalInformation mellor() {
    TechnicalInformation t = new TechnicalInformation(Type.INPROCEEDINGS);
    t.setValue(Field.AUTHOR, "Joe Mellor and Jack Turner and Amos Storkey and Elliot J. Crowley");
    t.setValue(Field.TITLE, "Neural Architecture Search without Training");
    t.setValue(Field.BOOKTITLE, "International Conference on Machine Learning (ICML)");
    t.setValue(Field.YEAR, "2021");
    return t;
  }
}
