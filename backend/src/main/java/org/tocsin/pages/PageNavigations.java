package org.tocsin.pages;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which requests are a browser opening a page, as opposed to a program reading data. The one list of paths that are
 * never pages (the API, feeds, the web app's files, the actuator, the OpenAPI document), used by the not-found page
 * ({@link UnknownPages}), the web app's deep links and the security chain's answer to a signed-out caller, so they
 * cannot disagree about what a page is.
 */
public final class PageNavigations {

    /** Where a caller reads data, not pages: they always get problem details, never a page. */
    public static final List<String> NOT_PAGES =
            List.of("/api/", "/feeds/", "/assets/", "/widget/", "/actuator", "/v3/", "/map/");

    private PageNavigations() {}

    /** Whether the path is under one of {@link #NOT_PAGES}, or names a file ({@code /events/x.ics}). */
    public static boolean isNeverAPage(String path) {
        return NOT_PAGES.stream().anyMatch(path::startsWith) || path.lastIndexOf('.') > path.lastIndexOf('/');
    }

    /** A GET or HEAD of a page path that explicitly asks for HTML (a browser's navigation; {@code *}/{@code *} alone is not). */
    public static boolean isPageNavigation(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD
                || isNeverAPage(request.getPath().pathWithinApplication().value())) {
            return false;
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
