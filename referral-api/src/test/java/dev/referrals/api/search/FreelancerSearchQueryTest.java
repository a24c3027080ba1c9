package dev.referrals.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreelancerSearchQueryTest {

    @Test
    void likeWildcardsAndTheEscapeCharacterInTheQueryAreMatchedLiterally() {
        assertThat(FreelancerSearchQuery.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
        assertThat(FreelancerSearchQuery.escapeLike("Ana Lima")).isEqualTo("Ana Lima");
    }
}
