package org.jiuzhu.modeling;

import org.jiuzhu.casework.TimeLimitProperties;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.jiuzhu.engine.DeploymentCheck;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the {@link ModelRules} on every new deployment before the engine deploys it, including those
 * an administrator uploads from Camunda Modeler: a deployment that breaks them is refused (400
 * through REST) with every violation listed, and nothing is deployed.
 */
@Component
public class ModelRulesCheck implements DeploymentCheck {

    private final ApplicationContext context;
    private final ObjectMapper objectMapper = new ObjectMapper();

    public ModelRulesCheck(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void check(NewDeployment deployment) {
        Set<String> formsInDeployment = new HashSet<>();
        for (Map.Entry<String, byte[]> resource : deployment.resources().entrySet()) {
            if (resource.getKey().endsWith(".form")) {
                formsInDeployment.add(formId(resource.getValue()));
            }
        }
        ModelRules rules = new ModelRules(context::containsBean,
                formId -> formsInDeployment.contains(formId) || deployment.formDeployed().test(formId),
                context.getBean(TimeLimitProperties.class).workingDays()::containsKey, deployment.engineDefaultRetries());
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, byte[]> resource : deployment.resources().entrySet()) {
            String name = resource.getKey();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                violations.addAll(rules.checkBpmn(name, resource.getValue()));
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                violations.addAll(rules.checkDmn(name, resource.getValue()));
            }
        }
        if (!violations.isEmpty()) {
            throw new BadUserRequestException("部署未通过建模规则检查，请在建模器中修改后重新部署：\n" + String.join("\n", violations));
        }
    }

    private String formId(byte[] content) {
        try {
            return objectMapper.readTree(new ByteArrayInputStream(content)).path("id").asText();
        } catch (java.io.IOException e) {
            throw new BadUserRequestException("表单文件不是有效的 JSON：" + new String(content, 0,
                    Math.min(content.length, 80), StandardCharsets.UTF_8));
        }
    }
}
