package dev.referrals.api.paging;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list view a caller asked for: {@code page} is zero-based, {@code size} at most
 * {@code referrals.api.paging.max-size}.
 */
public record PageQuery(int page, int size) {

    public static final String PAGE = "page";
    public static final String SIZE = "size";

    /** The page asked for, with the configured default size; the violations name {@code page} and {@code size}. */
    public static PageQuery of(Integer page, Integer size, ReferralApiProperties.Paging paging,
                               List<FieldViolation> violations) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? paging.defaultSize() : size;
        List<FieldViolation> found = new ArrayList<>();
        if (pageNumber < 0) {
            found.add(new FieldViolation(PAGE, "must be 0 or more"));
        }
        if (pageSize < 1 || pageSize > paging.maxSize()) {
            found.add(new FieldViolation(SIZE, "must be between 1 and " + paging.maxSize()));
        }
        violations.addAll(found);
        return found.isEmpty() ? new PageQuery(pageNumber, pageSize) : null;
    }

    public long offset() {
        return (long) page * size;
    }
}
