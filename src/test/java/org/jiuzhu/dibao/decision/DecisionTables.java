package org.jiuzhu.dibao.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A DMN file of {@code processes/}, parsed with the standalone DMN engine (no process engine, no Spring).
 * Besides the result, each evaluation reports the ids of the rules that matched, so the tests can show
 * that every row of a table is reached. Public for the decision tests of other features.
 */
public final class DecisionTables {

    private final Path file;
    private final DmnModelInstance model;
    private final Map<String, DmnDecision> decisions;
    private final DmnEngine engine;
    private final List<String> matchedRuleIds = new ArrayList<>();

    private DecisionTables(Path file) {
        this.file = file;
        DmnDecisionTableEvaluationListener recorder = this::recordMatchingRules;
        this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recorder))
                .buildEngine();
        this.model = Dmn.readModelFromFile(file.toFile());
        try (InputStream in = Files.newInputStream(file)) {
            this.decisions = engine.parseDecisions(in).stream()
                    .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run with the project root as working directory; the models live in {@code processes/}. */
    public static DecisionTables load(String fileName) {
        return new DecisionTables(Path.of("processes", fileName));
    }

    public Evaluation evaluate(String decisionKey, VariableMap variables) {
        DmnDecision decision = decisions.get(decisionKey);
        assertThat(decision).as("decision %s in %s", decisionKey, file).isNotNull();
        matchedRuleIds.clear();
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
        return new Evaluation(result, List.copyOf(matchedRuleIds));
    }

    /** The ids of the table's rules, in table order, as written in the file. */
    public List<String> ruleIds(String decisionKey) {
        return decisionTable(decisionKey).getRules().stream().map(Rule::getId).toList();
    }

    public String hitPolicy(String decisionKey) {
        return decisionTable(decisionKey).getHitPolicy().name();
    }

    public String historyTimeToLive(String decisionKey) {
        return decision(decisionKey).getCamundaHistoryTimeToLiveString();
    }

    private Decision decision(String decisionKey) {
        Decision decision = model.getModelElementById(decisionKey);
        assertThat(decision).as("decision %s in %s", decisionKey, file).isNotNull();
        return decision;
    }

    private DecisionTable decisionTable(String decisionKey) {
        return (DecisionTable) decision(decisionKey).getExpression();
    }

    private void recordMatchingRules(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
    }

    public record Evaluation(DmnDecisionTableResult result, List<String> matchedRuleIds) {

        /** The id of the one rule that decided (FIRST and UNIQUE tables report exactly one). */
        public String decidingRule() {
            assertThat(matchedRuleIds).as("matched rules").hasSize(1);
            return matchedRuleIds.get(0);
        }

        public <T> T output(String name) {
            assertThat(result).as("decision result").hasSize(1);
            return result.getSingleResult().getEntry(name);
        }
    }
}
