package org.jiuzhu.support;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiuzhu.verification.VerificationRecord;
import org.jiuzhu.verification.VerificationRecordRepository;
import org.jiuzhu.verification.VerificationService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real table-backed verification service, which a test can make fail the next N calls, as an
 * unreachable verification platform would.
 */
public class SwitchableVerificationService implements VerificationService {

    private final VerificationRecordRepository delegate;
    private final AtomicInteger failures = new AtomicInteger();

    public SwitchableVerificationService(VerificationRecordRepository delegate) {
        this.delegate = delegate;
    }

    public void failNext(int calls) {
        failures.set(calls);
    }

    public void reset() {
        failures.set(0);
    }

    @Override
    public List<VerificationRecord> recordsFor(Collection<String> idNumbers) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("核对平台暂时无法连接（测试模拟）");
        }
        return delegate.recordsFor(idNumbers);
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        SwitchableVerificationService switchableVerificationService(VerificationRecordRepository repository) {
            return new SwitchableVerificationService(repository);
        }
    }
}
