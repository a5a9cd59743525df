package org.fittrackee.api.http;

/** FitTrackee's pagination object of list responses. */
public record Pagination(boolean has_next, boolean has_prev, int page, int pages, long total) {

    public static Pagination of(int page, int perPage, long total) {
        int pages = (int) ((total + perPage - 1) / perPage);
        return new Pagination(page < pages, page > 1, page, pages, total);
    }
}
