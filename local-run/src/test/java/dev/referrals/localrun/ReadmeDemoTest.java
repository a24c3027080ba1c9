package dev.referrals.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ./referrals-local prints to try it is what the README walks a newcomer through, line for line. */
class ReadmeDemoTest {

    @Test
    void theReadmeWalkThroughSendsTheRequestsTheLocalRunPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String walkThrough = readme.substring(readme.indexOf("<!-- smoke:start -->"),
                readme.indexOf("<!-- smoke:end -->"));
        List<String> printed = LocalRunMain.resource("/demo/curl.txt").lines()
                .filter(line -> !line.isBlank()).toList();

        assertThat(printed).hasSize(7);
        assertThat(printed).allSatisfy(line -> assertThat(walkThrough).contains(line));
    }
}
