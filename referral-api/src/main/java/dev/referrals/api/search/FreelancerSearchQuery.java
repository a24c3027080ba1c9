package dev.referrals.api.search;

import dev.referrals.api.paging.Page;
import dev.referrals.api.paging.PageQuery;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searches the freelancer directory by a case-insensitive substring of the display name or the profile URL,
 * ordered by name. The directory holds only ACTIVE FREELANCER accounts.
 */
@Component
class FreelancerSearchQuery {

    private static final String MATCHES = """
            FROM freelancer_directory
            WHERE display_name ILIKE :pattern OR profile_url ILIKE :pattern
            """;

    private final JdbcClient jdbc;

    FreelancerSearchQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<FreelancerSummary> search(String text, PageQuery page) {
        String pattern = "%" + escapeLike(text) + "%";
        long total = jdbc.sql("SELECT count(*) " + MATCHES)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        List<FreelancerSummary> items = jdbc.sql("SELECT account_id, display_name, profile_url " + MATCHES
                        + " ORDER BY lower(display_name), account_id LIMIT :limit OFFSET :offset")
                .param("pattern", pattern)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((row, number) -> new FreelancerSummary(
                        row.getString("account_id"), row.getString("display_name"), row.getString("profile_url")))
                .list();
        return Page.of(items, page, total);
    }

    /** The text as a literal inside LIKE: its own % and _ match only themselves (backslash is the default escape). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
