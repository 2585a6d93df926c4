package org.jiuzhu.support;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.jiuzhu.organisation.StartPermissions;

/** Test processes built with the model API. */
public final class TestModels {

    private TestModels() {
    }

    /** Lets officials of the named unit levels start the process (extension property jiuzhu.startableBy). */
    public static BpmnModelInstance startableBy(BpmnModelInstance model, String processKey, String levels) {
        Process process = model.getModelElementById(processKey);
        ExtensionElements extensions = process.getExtensionElements();
        if (extensions == null) {
            extensions = model.newInstance(ExtensionElements.class);
            process.setExtensionElements(extensions);
        }
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty property = model.newInstance(CamundaProperty.class);
        property.setCamundaName(StartPermissions.PROPERTY);
        property.setCamundaValue(levels);
        properties.addChildElement(property);
        extensions.addChildElement(properties);
        return model;
    }
}
