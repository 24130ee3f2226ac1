package vn.trang.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** What a {@link Handler} answers: a whole body, or a stream of server-sent events. */
public sealed interface Reply {

    String TEXT = "text/plain; charset=utf-8";

    /**
     * A whole answer. The server adds Content-Length, Date and the connection's keep-alive
     * headers, and drops the body for HEAD.
     *
     * @param headers more response headers, in order
     */
    record Body(int status, String type, byte[] bytes, Map<String, String> headers) implements Reply {

        public Body {
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** The same answer with one more header (or this one replaced). */
        public Body with(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Body(status, type, bytes, h);
        }
    }

    /**
     * An event stream ({@code text/event-stream}) that stays open: {@code opened} receives its
     * sink once the response headers are on their way, on the network thread (so it must not
     * block). The connection then serves no other request, and no idle timeout applies to it.
     */
    record Events(Consumer<EventSink> opened) implements Reply {
    }

    static Body of(int status, String type, byte[] bytes) {
        return new Body(status, type, bytes, Map.of());
    }

    static Body of(int status, String type, String text) {
        return of(status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A plain-text answer, for errors: "404 Not Found", or a sentence saying what was wrong. */
    static Body text(int status, String text) {
        return of(status, TEXT, text);
    }
}
