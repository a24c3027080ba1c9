package dev.referrals.localrun.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedParserTest {

    @Test
    void theDemoSeedParsesWithItsDefaultsApplied() throws IOException {
        String text;
        try (InputStream demo = SeedParserTest.class.getResourceAsStream("/seed/demo.yml")) {
            text = new String(demo.readAllBytes(), StandardCharsets.UTF_8);
        }

        Seed seed = SeedParser.parse("demo.yml", text);

        assertThat(seed.accounts()).hasSize(8);
        assertThat(seed.accounts()).filteredOn(account -> account.id().equals("gus"))
                .singleElement().extracting(Seed.Account::status).isEqualTo(AccountStatus.CLOSED);
        assertThat(seed.jobs()).extracting(Seed.Job::visibility)
                .containsExactly(JobVisibility.PUBLIC, JobVisibility.PUBLIC, JobVisibility.INVITE_ONLY,
                        JobVisibility.PUBLIC);
        assertThat(seed.jobs()).extracting(Seed.Job::status)
                .containsExactly(JobStatus.OPEN, JobStatus.OPEN, JobStatus.OPEN, JobStatus.CLOSED);
        assertThat(seed.activities()).extracting(Seed.Activity::kind).containsExactly(
                JobActivityKind.INVITED, JobActivityKind.INVITED, JobActivityKind.INVITED, JobActivityKind.INVITED,
                JobActivityKind.PROPOSAL_SUBMITTED, JobActivityKind.HIRED);
    }

    @Test
    void everyProblemIsReportedWithItsLineAndFieldAtOnce() {
        String text = """
                accounts:
                  - id: acme
                    kind: CLIENT
                    name: Acme
                    email: not-an-email
                  - id: ana
                    kind: FREELANCR
                    name: Ana
                    email: ana@example.test
                jobs:
                  - id: job-1
                    client: nobody
                    title: A job
                    colour: blue
                proposals:
                  - job: job-2
                    freelancer: acme
                """;

        assertThatThrownBy(() -> SeedParser.parse("bad.yml", text))
                .isInstanceOfSatisfying(SeedException.class, failure -> assertThat(failure.problems()).containsExactly(
                        "bad.yml:5: accounts[0].email: 'not-an-email' is not an email address",
                        "bad.yml:7: accounts[1].kind: 'FREELANCR' is not one of [FREELANCER, CLIENT]",
                        "bad.yml:14: jobs[0].colour: unknown field; expected one of [client, id, status, title, visibility]",
                        "bad.yml:12: jobs[0].client: no account with id 'nobody' in this file",
                        "bad.yml:16: proposals[0].job: no job with id 'job-2' in this file",
                        "bad.yml:17: proposals[0].freelancer: 'acme' is a CLIENT, not a FREELANCER"));
    }

    @Test
    void aFreelancerWithoutAProfileUrlAndAMissingRequiredFieldAreNamed() {
        String text = """
                accounts:
                  - id: ana
                    kind: FREELANCER
                    email: ana@example.test
                """;

        assertThatThrownBy(() -> SeedParser.parse("seed.yml", text))
                .isInstanceOfSatisfying(SeedException.class, failure -> assertThat(failure.problems()).containsExactly(
                        "seed.yml:2: accounts[0].name: is required",
                        "seed.yml:2: accounts[0].profileUrl: a freelancer needs a profile URL"));
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThatThrownBy(() -> SeedParser.parse("seed.yml", "accounts:\n  - id: [unclosed\n"))
                .isInstanceOf(SeedException.class)
                .hasMessageStartingWith("seed.yml:3: not valid YAML");
    }
}
