package org.jiuzhu.modeling;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.jiuzhu.casework.TimeLimitProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the {@link ModelRules} on every new deployment before the engine deploys it, including those
 * an administrator uploads from Camunda Modeler: a deployment that breaks them is refused (400
 * through REST) with every violation listed, and nothing is deployed.
 */
@Component
public class ModelRulesPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ObjectMapper objectMapper = new ObjectMapper();

    public ModelRulesPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new RulesDeployer());
    }

    private final class RulesDeployer implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            Set<String> formsInDeployment = new HashSet<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".form")) {
                    formsInDeployment.add(formId(resource.getBytes()));
                }
            }
            boolean engineDefaultRetries = Context.getProcessEngineConfiguration().getFailedJobRetryTimeCycle() != null;
            ModelRules rules = new ModelRules(context::containsBean,
                    formId -> formsInDeployment.contains(formId) || deployedFormExists(formId),
                    context.getBean(TimeLimitProperties.class).workingDays()::containsKey, engineDefaultRetries);
            List<String> violations = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                String name = resource.getName();
                if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    violations.addAll(rules.checkBpmn(name, resource.getBytes()));
                } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                    violations.addAll(rules.checkDmn(name, resource.getBytes()));
                }
            }
            if (!violations.isEmpty()) {
                throw new BadUserRequestException("部署未通过建模规则检查，请在建模器中修改后重新部署：\n" + String.join("\n", violations));
            }
        }

        private boolean deployedFormExists(String formId) {
            return Context.getCommandContext().getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKey(formId) != null;
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
}
