package dev.referrals.api.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    private static final ReferralApiProperties.Paging PAGING = new ReferralApiProperties.Paging(20, 100);

    @Test
    void noPageOrSizeMeansTheFirstPageOfTheDefaultSize() {
        assertThat(PageQuery.of(null, null, PAGING, new ArrayList<>())).isEqualTo(new PageQuery(0, 20));
    }

    @Test
    void aNegativePageAndASizeOutsideTheLimitsAreBothNamed() {
        List<FieldViolation> violations = new ArrayList<>();

        assertThat(PageQuery.of(-1, 101, PAGING, violations)).isNull();
        assertThat(violations).extracting(FieldViolation::field).containsExactly("page", "size");
    }

    @Test
    void thePageCountRoundsUp() {
        PageQuery query = new PageQuery(1, 20);

        assertThat(Page.of(List.of(), query, 41).totalPages()).isEqualTo(3);
        assertThat(Page.of(List.of(), query, 40).totalPages()).isEqualTo(2);
        assertThat(Page.of(List.of(), query, 0).totalPages()).isZero();
        assertThat(query.offset()).isEqualTo(20);
    }
}
