package org.jiuzhu.engine;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every process is a case process — its instances are granted to their units, its tasks are stages on
 * the dashboard — unless its model says otherwise with the extension property {@code jiuzhu.case} =
 * {@code false} (Modeler: process → Extension properties). Such a process is visible only to the
 * candidate groups of its tasks and to administrators, and counts for no figure: for work that is not an
 * applicant's case (the benchmark's bare-engine reference is one). The answers come from the process as
 * the engine parsed it when it was deployed ({@link ListenersPlugin} marks it), not from a second reading
 * of the model.
 */
public final class CaseProcesses {

    public static final String PROPERTY = "jiuzhu.case";
    /** Who may start the process: the unit levels, see {@link StartDeclarations}. */
    public static final String STARTABLE_BY = "jiuzhu.startableBy";

    private CaseProcesses() {
    }

    /**
     * While parsing: remembers on the definition whether the process element is a case process, and
     * who may start it.
     */
    static void mark(Element processElement, ProcessDefinitionImpl definition) {
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
    static String startableBy(ProcessDefinitionImpl definition) {
        return (String) definition.getProperty(STARTABLE_BY);
    }

    static boolean isCase(ProcessDefinitionImpl definition) {
        return !Boolean.FALSE.equals(definition.getProperty(PROPERTY));
    }

    /** Whether the deployed process definition is a case process. */
    public static boolean isCase(RepositoryService repositoryService, String processDefinitionId) {
        return isCase(deployed(repositoryService, processDefinitionId));
    }

    /** The value of {@value #STARTABLE_BY} in the deployed process definition, null when it has none. */
    public static String startableBy(RepositoryService repositoryService, String processDefinitionId) {
        return startableBy(deployed(repositoryService, processDefinitionId));
    }

    /** Whether the task belongs to a case process; in a task listener. */
    public static boolean isCase(DelegateTask task) {
        return isCase(((TaskEntity) task).getProcessDefinition());
    }

    /** The key of the task's process; in a task listener. */
    public static String processKey(DelegateTask task) {
        return ((TaskEntity) task).getProcessDefinition().getKey();
    }

    private static ProcessDefinitionImpl deployed(RepositoryService repositoryService, String processDefinitionId) {
        return (ProcessDefinitionImpl) ((RepositoryServiceImpl) repositoryService).getDeployedProcessDefinition(processDefinitionId);
    }
}
