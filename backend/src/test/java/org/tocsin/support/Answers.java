package org.tocsin.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What a client reads at some addresses: status, validators and body of each, to compare two servers' answers. */
public final class Answers {

    private Answers() {}

    /** For each of {@code uris}, in order: "status ETag Last-Modified", a line break, then the body. */
    public static Map<String, String> of(Api.Caller caller, List<String> uris) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String uri : uris) {
            EntityExchangeResult<byte[]> result = caller.get(uri).expectBody().returnResult();
            byte[] body = result.getResponseBody();
            answers.put(
                    uri,
                    result.getStatus() + " " + result.getResponseHeaders().getETag() + " "
                            + result.getResponseHeaders().getFirst("Last-Modified") + "\n"
                            + new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        }
        return answers;
    }
}
