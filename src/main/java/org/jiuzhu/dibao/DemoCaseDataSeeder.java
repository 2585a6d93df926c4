package org.jiuzhu.dibao;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.jiuzhu.verification.VerificationRecordImporter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo data for the dibao pipeline: the verification platform's records for the demo households
 * (demo/verification-records.csv) and two households already receiving support
 * (demo/recipients.json). Idempotent.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "jiuzhu.demo.enabled", havingValue = "true")
public class DemoCaseDataSeeder implements ApplicationRunner {

    static final String VERIFICATION_RECORDS = "demo/verification-records.csv";
    static final String RECIPIENTS = "demo/recipients.json";
    static final String DEMO_SOURCE = "演示数据";

    record DemoMember(String name, String idNumber) {
    }

    record DemoRecipient(String category, String village, BigDecimal monthlyAmount, String startMonth,
                         List<DemoMember> members) {
    }

    private final VerificationRecordImporter importer;
    private final RecipientRegistry registry;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DemoCaseDataSeeder(VerificationRecordImporter importer, RecipientRegistry registry, ObjectMapper objectMapper,
                              Clock clock) {
        this.importer = importer;
        this.registry = registry;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream csv = new ClassPathResource(VERIFICATION_RECORDS).getInputStream()) {
            importer.importCsv(csv, DEMO_SOURCE);
        }
        for (DemoRecipient recipient : readRecipients()) {
            List<String> ids = recipient.members().stream().map(DemoMember::idNumber).toList();
            if (!registry.activeAmong(ids).isEmpty()) {
                continue;
            }
            YearMonth start = YearMonth.parse(recipient.startMonth());
            registry.enrol(null, recipient.category(), recipient.village(), recipient.members().get(0).name(),
                    recipient.monthlyAmount(), start, start.plusMonths(12).atDay(1),
                    recipient.members().stream()
                            .map(m -> new RecipientRegistry.RegisteredPerson(m.name(), m.idNumber(), recipient.category()))
                            .toList(),
                    clock.instant());
        }
    }

    private List<DemoRecipient> readRecipients() {
        try (InputStream in = new ClassPathResource(RECIPIENTS).getInputStream()) {
            return List.of(objectMapper.readValue(in, DemoRecipient[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RECIPIENTS, e);
        }
    }
}
