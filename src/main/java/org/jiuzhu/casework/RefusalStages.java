package org.jiuzhu.casework;

import java.util.Set;

/**
 * Where a refusal happened decides what it is called: before the township has accepted the application
 * (materials check, correction, acceptance) it is 不予受理, afterwards 不予批准.
 */
public final class RefusalStages {

    /** The names of the model's stages up to and including 乡镇受理. */
    private static final Set<String> BEFORE_ACCEPTANCE = Set.of("材料完整性与身份核验", "补正材料", "乡镇受理");

    private RefusalStages() {
    }

    public static boolean isAcceptanceStage(String stage) {
        return stage != null && BEFORE_ACCEPTANCE.contains(stage);
    }
}
