package org.jiuzhu.system.forms;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A start form carries its fields and nothing else: ids, units and routing variables are the system's to
 * set. Checked by the registration step of each case process (whatever started it) and, over the APIs,
 * before the engine sees the request.
 */
public final class StartFormFields {

    private StartFormFields() {
    }

    /** The refusal of a start that carried {@code foreign}, names the caller lists (with 、). */
    public static String refusal(String foreign) {
        return "申请表中没有这些字段，不能随申请提交：" + foreign;
    }

    /** Refuses the start when the instance holds a variable that is none of {@code allowed}. */
    public static void requireOnly(DelegateExecution execution, Collection<String> allowed) {
        Set<String> unexpected = new TreeSet<>(execution.getVariableNames());
        unexpected.removeAll(allowed);
        if (!unexpected.isEmpty()) {
            throw new BadUserRequestException(refusal(String.join("、", unexpected)));
        }
    }
}
