package org.jiuzhu.verification;

import java.util.Collection;
import java.util.List;

/**
 * The household economic verification (家庭经济状况核对): what the verification platform knows about
 * these people. Implementations may call an external system; a technical failure is thrown as an
 * exception and becomes a retried job, then an incident.
 */
public interface VerificationService {

    List<VerificationRecord> recordsFor(Collection<String> idNumbers);
}
