package org.fittrackee.keycloak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without a screen: a cookie jar that follows Keycloak's redirects, fills in the login
 * form and answers the consent form, and stops at the first redirect that leaves Keycloak, which is
 * the app's redirect URI.
 */
public final class Browser {

    private final KeycloakEndpoint keycloak;
    private final HttpClient http;

    public Browser(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieJar())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    /** Opens a URL and follows redirects while they stay on Keycloak. */
    public Page open(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Logs in on the page's login form. */
    public Page logIn(Page page, AdminApi.TestUser user) {
        Element form = page.document().getElementById("kc-form-login");
        if (form == null) {
            throw new AssertionError("No login form on " + page.url() + ":\n" + page.body());
        }

        Map<String, String> fields = fieldsOf(form);
        fields.put("username", user.username());
        fields.put("password", user.password());
        return submit(page, form, fields);
    }

    /** Presses "Authorize" on the consent page. */
    public Page accept(Page consent) {
        return answerConsent(consent, "accept");
    }

    /** Presses "Cancel" on the consent page. */
    public Page deny(Page consent) {
        return answerConsent(consent, "cancel");
    }

    private Page answerConsent(Page consent, String button) {
        Element form = consent.document().getElementById("kc-oauth");
        if (form == null) {
            throw new AssertionError(
                    "No consent form on " + consent.url() + ":\n" + consent.body());
        }

        Map<String, String> fields = fieldsOf(form);
        Element pressed = form.selectFirst("[name=" + button + "]");
        fields.put(button, pressed == null ? "on" : pressed.attr("value"));
        return submit(consent, form, fields);
    }

    private Page submit(Page page, Element form, Map<String, String> fields) {
        URI action = page.url().resolve(form.attr("action"));
        return follow(
                HttpRequest.newBuilder(action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(HttpJson.formEncoded(fields))));
    }

    private static Map<String, String> fieldsOf(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("checkbox")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        return fields;
    }

    private Page follow(HttpRequest.Builder first) {
        HttpRequest request = first.timeout(Duration.ofSeconds(30)).build();
        for (int hops = 0; hops < 10; hops++) {
            HttpResponse<String> response = send(request);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return Page.of(request.uri(), response);
            }

            URI next = request.uri().resolve(location);
            if (!next.toString().startsWith(keycloak.baseUrl())) {
                return Page.redirectTo(request.uri(), response, next);
            }
            request = HttpRequest.newBuilder(next).GET().timeout(Duration.ofSeconds(30)).build();
        }
        throw new AssertionError("Too many redirects from " + first.build().uri());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the browser ended up: a page of Keycloak's, or a redirect to the app.
     *
     * @param appRedirect the redirect URI with its query when Keycloak sent the browser to the app,
     *     else null
     */
    public record Page(URI url, int status, String body, URI appRedirect) {

        static Page of(URI url, HttpResponse<String> response) {
            return new Page(url, response.statusCode(), response.body(), null);
        }

        static Page redirectTo(URI url, HttpResponse<String> response, URI appRedirect) {
            return new Page(url, response.statusCode(), response.body(), appRedirect);
        }

        public Document document() {
            return Jsoup.parse(body, url.toString());
        }

        public boolean isLoginPage() {
            return appRedirect == null && document().getElementById("kc-form-login") != null;
        }

        public boolean isConsentPage() {
            return appRedirect == null && document().getElementById("kc-oauth") != null;
        }

        /** A query parameter of the redirect to the app. */
        public String appRedirectParameter(String name) {
            if (appRedirect == null) {
                throw new AssertionError("No redirect to the app; page " + url + ":\n" + body);
            }
            return QueryString.parse(appRedirect.getRawQuery()).get(name);
        }
    }
}
