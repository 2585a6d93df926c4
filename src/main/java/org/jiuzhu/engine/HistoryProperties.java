package org.jiuzhu.engine;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the engine's full history leaves out ({@code jiuzhu.history.*}), because our own tables already keep it.
 *
 * @param derivedTaskVariables task-local variables a task listener derives from our tables for the form
 *                             to show (the case summary, the link to the case file): no history rows
 * @param decisionsWithoutHistory keys of decision tables whose evaluations are not recorded, because the
 *                             caller stores what they decided with the case (e.g. the standard and the
 *                             member classes in {@code dibao_assessment})
 */
@ConfigurationProperties("jiuzhu.history")
public record HistoryProperties(Set<String> derivedTaskVariables, Set<String> decisionsWithoutHistory) {

    public HistoryProperties {
        derivedTaskVariables = derivedTaskVariables == null ? Set.of() : Set.copyOf(derivedTaskVariables);
        decisionsWithoutHistory = decisionsWithoutHistory == null ? Set.of() : Set.copyOf(decisionsWithoutHistory);
    }
}
