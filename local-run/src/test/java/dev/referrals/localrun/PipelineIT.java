package dev.referrals.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.SharedLocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher runs each service as its own process, restarts one after a crash, and leaves no process behind. */
class PipelineIT {

    private static LocalStack stack;

    @BeforeAll
    static void acquireStack() {
        stack = SharedLocalStack.acquire();
    }

    @AfterAll
    static void releaseStack() {
        SharedLocalStack.release();
    }

    @Test
    void everyServiceBecomesReadyRecoversFromACrashAndStopsWithoutLeavingAProcess() throws IOException {
        // Maven runs the tests in the module directory, where the build copied the jars to target/services.
        // The processor logs JSON, as LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs switches it in production.
        PipelineSettings settings = PipelineSettings.defaults(Path.of("target", "services"),
                        Path.of("target", "pipeline-it-logs", UUID.randomUUID().toString())).withAnyFreePorts()
                .withProperties(Map.of(Service.REFERRAL_PROCESSOR, Map.of("logging.structured.format.console", "ecs")));
        List<String> progress = new ArrayList<>();
        List<ProcessHandle> started = new ArrayList<>();

        try (Pipeline pipeline = Pipeline.start(stack, stack.newTopicNamespace(), settings,
                service -> stack.newDatabase(), progress::add)) {
            for (Service service : Service.values()) {
                assertThat(pipeline.process(service).isReady()).as(service.module()).isTrue();
                started.add(ProcessHandle.of(pipeline.process(service).pid()).orElseThrow());
            }
            long crashedPid = pipeline.process(Service.REFERRAL_PROCESSOR).pid();

            pipeline.restart(Service.REFERRAL_PROCESSOR, true);

            assertThat(ProcessHandle.of(crashedPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(pipeline.process(Service.REFERRAL_PROCESSOR).pid()).isNotEqualTo(crashedPid);
            assertThat(pipeline.process(Service.REFERRAL_PROCESSOR).isReady()).isTrue();
            started.add(ProcessHandle.of(pipeline.process(Service.REFERRAL_PROCESSOR).pid()).orElseThrow());
        }

        assertThat(started).noneMatch(ProcessHandle::isAlive);
        List<String> processorLog = Files.readAllLines(settings.logDir().resolve("referral-processor.log"));
        assertThat(processorLog).filteredOn(line -> line.contains("Started ReferralProcessorApplication"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}")
                        .contains("\"service\":{\"name\":\"referral-processor\""));
        assertThat(Files.readAllLines(settings.logDir().resolve("referral-api.log")))
                .anySatisfy(line -> assertThat(line).contains("Started ReferralApiApplication").doesNotStartWith("{"));
        assertThat(progress).anyMatch(line -> line.startsWith("referral-api is ready on http://localhost:"));
    }
}
