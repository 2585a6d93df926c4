package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.temporary.AmountSuggestion;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.stereotype.Component;

/** 测算救助金额: the decision table's suggestion, on the case and as {@code suggestedAmount}. A rerun replaces it. */
@Component("suggestTemporaryAssistanceAmount")
public class SuggestTemporaryAssistanceAmountDelegate implements JavaDelegate {

    private final TemporaryAssistanceCases cases;
    private final AmountSuggestion amounts;
    private final Clock clock;

    public SuggestTemporaryAssistanceAmountDelegate(TemporaryAssistanceCases cases, AmountSuggestion amounts, Clock clock) {
        this.cases = cases;
        this.amounts = amounts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TemporaryAssistanceCase c = cases.get((Long) execution.getVariable(CASE_ID));
        AmountSuggestion.Suggestion suggestion = amounts.suggest(c.assistanceType(), c.reason(), c.countyCode(),
                c.householdSize(), LocalDate.now(clock).getYear());
        cases.storeSuggestion(c.id(), suggestion.amount(), suggestion.basis());
        execution.setVariable(SUGGESTED_AMOUNT, suggestion.amount().doubleValue());
    }
}
