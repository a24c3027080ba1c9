package dev.referrals.api.paging;

import java.util.List;

/**
 * One page of a list view.
 *
 * @param items      the items of this page, possibly none
 * @param page       zero-based number of this page
 * @param size       the page size asked for
 * @param totalItems how many items all pages hold together
 * @param totalPages how many pages of this size there are
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems) {
        long totalPages = (totalItems + query.size() - 1) / query.size();
        return new Page<>(List.copyOf(items), query.page(), query.size(), totalItems, totalPages);
    }
}
