package org.jiuzhu.engine;

import org.jiuzhu.casework.CaseAuthorizationPlugin;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every process is a case process — its instances are granted to their units, its tasks are stages on
 * the dashboard — unless its model says otherwise with the extension property {@code jiuzhu.case} =
 * {@code false} (Modeler: process → Extension properties). Such a process is visible only to the
 * candidate groups of its tasks and to administrators, and counts for no figure: for work that is not an
 * applicant's case (the benchmark's bare-engine reference is one).
 */
public final class CaseProcesses {

    public static final String PROPERTY = "jiuzhu.case";
    /** Who may start the process: see {@link org.jiuzhu.organisation.StartPermissions}. */
    public static final String STARTABLE_BY = "jiuzhu.startableBy";

    private CaseProcesses() {
    }

    /**
     * While parsing: remembers on the definition whether the process element is a case process, and
     * who may start it.
     */
    public static void mark(Element processElement, ProcessDefinitionImpl definition) {
        boolean isCase = true;
        Element properties = BpmnParseUtil.findCamundaExtensionElement(processElement, "properties");
        if (properties != null) {
            for (Element property : properties.elements("property")) {
                if (PROPERTY.equals(property.attribute("name")) && "false".equalsIgnoreCase(property.attribute("value"))) {
                    isCase = false;
                }
                if (STARTABLE_BY.equals(property.attribute("name"))) {
                    definition.setProperty(STARTABLE_BY, property.attribute("value"));
                }
            }
        }
        definition.setProperty(PROPERTY, isCase);
    }

    /** The value of {@value #STARTABLE_BY} in the parsed model, null when it has none. */
    public static String startableBy(ProcessDefinitionImpl definition) {
        return (String) definition.getProperty(STARTABLE_BY);
    }

    /** Whether the parsed (deployed) definition is a case process; marked by CaseAuthorizationPlugin. */
    public static boolean isCase(ProcessDefinitionImpl definition) {
        return !Boolean.FALSE.equals(definition.getProperty(PROPERTY));
    }
}
