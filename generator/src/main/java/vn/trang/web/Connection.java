package vn.trang.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * One client connection, on the network thread. It answers one request at a time, in order, and
 * keeps one deadline: the request timeout while a request is coming in (from the connection's
 * opening, or from the first byte after an answer), none while a worker answers, the idle timeout
 * while a kept-alive connection waits for the next request.
 */
final class Connection extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Requests a client may send ahead of their answers; more closes the connection. */
    private static final int MAX_PIPELINED = 16;
    /**
     * How long a connection whose last answer said "Connection: close" still reads, and drops,
     * what the client sends. Closing at once, with the rest of a long request unread, would make
     * the system reset the connection, and the client could lose the answer (a 414, say).
     */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    /** A decoded request with what the network thread already knows of its answer. */
    private record Incoming(HttpVersion version, boolean head, boolean keepAlive, Request request, Handler handler,
            Reply.Body refusal) {

        static Incoming refused(HttpVersion version, boolean head, boolean keepAlive, Reply.Body refusal) {
            return new Incoming(version, head, keepAlive, null, null, refusal);
        }
    }

    private final WebServer server;
    private final Deque<Incoming> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> deadline;
    /** A request is being answered (or this connection streams events): read no other. */
    private boolean busy;
    /** Kept alive between requests, no byte of the next one yet. */
    private boolean idle;
    /** The last answer is sent: only draining the client's input until it closes or {@link #LINGER} ends. */
    private boolean closing;

    Connection(WebServer server) {
        this.server = server;
    }

    /** Goes before the HTTP decoder: the first bytes of a request after an idle wait start its timeout. */
    ChannelInboundHandler arrivals() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext c, Object msg) {
                if (idle) {
                    idle = false;
                    arm(server.limits().requestTimeout());
                }
                c.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(server.limits().requestTimeout());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the client, or a write that timed out: nothing to answer, nobody to tell.
        ctx.close();
    }

    private void arm(Duration timeout) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            ctx.close();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        if (closing) {
            return;
        }
        Incoming in = read(message);
        if (in != null) {
            accept(in);
        }
    }

    /** Called by the decoder for a request whose body is over the limit; the body is dropped unread. */
    void tooLarge(HttpMessage message) {
        if (closing) {
            return;
        }
        boolean head = message instanceof HttpRequest r && r.method().equals(HttpMethod.HEAD);
        int max = bodyLimit(message);
        accept(Incoming.refused(message.protocolVersion(), head, false, plain(413, "413 Content Too Large\n"
                + "Thân (body) của yêu cầu dài quá " + max + " byte.\nThe request body is longer than " + max + " bytes.\n")));
    }

    /**
     * The most bytes of body this request may have: a POST handler's own limit for a POST to it,
     * else the server's.
     */
    int bodyLimit(HttpMessage message) {
        if (message instanceof HttpRequest r && r.method().equals(HttpMethod.POST)) {
            try {
                WebServer.Mount m = server.route(RequestTarget.parse(r.uri()).path());
                if (m != null && m.post()) {
                    return m.postBody();
                }
            } catch (RequestTarget.Malformed e) {
                // refused as malformed once it is in; until then the server's limit holds
            }
        }
        return server.limits().maxBody();
    }

    private void accept(Incoming in) {
        if (busy) {
            if (waiting.size() >= MAX_PIPELINED) {
                ctx.close();
            } else {
                waiting.add(in);
            }
            return;
        }
        answer(in);
    }

    /** Everything needed from the decoded request, which is released when this returns. */
    private Incoming read(FullHttpRequest m) {
        DecoderResult decoded = m.decoderResult();
        if (decoded.isFailure()) {
            return Incoming.refused(HttpVersion.HTTP_1_1, false, false, undecodable(decoded.cause()));
        }
        HttpVersion version = m.protocolVersion();
        boolean head = m.method().equals(HttpMethod.HEAD);
        boolean keepAlive = HttpUtil.isKeepAlive(m);
        boolean post = m.method().equals(HttpMethod.POST);
        boolean get = head || m.method().equals(HttpMethod.GET);
        Request request;
        try {
            request = RequestTarget.parse(m.uri());
        } catch (RequestTarget.Malformed e) {
            return Incoming.refused(version, head, false, plain(400, e.getMessage()));
        }
        WebServer.Mount mount = server.route(request.path());
        if (mount == null) {
            return Incoming.refused(version, head, keepAlive, plain(404, "404 Not Found"));
        }
        if (mount.post() ? !post : !get) {
            return Incoming.refused(version, head, keepAlive,
                    plain(405, "405 Method Not Allowed").with("Allow", mount.post() ? "POST" : "GET, HEAD"));
        }
        int length = m.content().readableBytes();
        if (length > (post ? mount.postBody() : server.limits().maxBody())) {
            // a chunked body, which the aggregator holds only to the largest limit
            tooLarge(m);
            return null;
        }
        if (post) {
            byte[] body = new byte[length];
            m.content().getBytes(m.content().readerIndex(), body);
            request = request.withBody(body);
        }
        return new Incoming(version, head, keepAlive, request, mount.handler(), null);
    }

    private Reply.Body undecodable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            int max = server.limits().maxRequestLine();
            return plain(414, "414 URI Too Long\nDòng yêu cầu (phương thức và địa chỉ) dài quá " + max + " byte.\n"
                    + "The request line is longer than " + max + " bytes.\n");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            int max = server.limits().maxHeaders();
            return plain(431, "431 Request Header Fields Too Large\nPhần đầu (header) của yêu cầu dài quá " + max + " byte.\n"
                    + "The request headers are longer than " + max + " bytes.\n");
        }
        return plain(400, "400 Bad Request\nYêu cầu không đúng cú pháp HTTP/1.1.\nThe request is not valid HTTP/1.1.\n");
    }

    /** The server's own answers: plain text, never cached, never sniffed as HTML. */
    private static Reply.Body plain(int status, String text) {
        return Reply.text(status, text).with("Cache-Control", "no-cache").with("X-Content-Type-Options", "nosniff");
    }

    private void answer(Incoming in) {
        busy = true;
        disarm();
        ctx.channel().config().setAutoRead(false);
        if (in.refusal() != null) {
            send(in, in.refusal());
            return;
        }
        try {
            server.workers().execute(() -> work(in));
        } catch (RejectedExecutionException e) {
            send(in, plain(503, "503 Service Unavailable\nMáy chủ đang quá tải, xin thử lại sau giây lát.\n"
                    + "The server is busy; try again in a moment.\n").with("Retry-After", "1"));
        }
    }

    /** On a worker: the handler's answer, handed back to the network thread. */
    private void work(Incoming in) {
        Reply reply = null;
        try {
            reply = in.handler().answer(in.request());
        } catch (RuntimeException e) {
            server.log("lỗi khi trả lời " + in.request().path() + ": " + e);
        } finally {
            Reply done = reply != null ? reply
                    : plain(500, "500 Internal Server Error\nLỗi trong Trang khi trả lời yêu cầu này; xem nhật ký của máy chủ.\n"
                            + "Trang failed to answer this request; see the server's log.\n");
            try {
                ctx.executor().execute(() -> send(in, done));
            } catch (RejectedExecutionException closed) {
                // The server is closing: the connection goes with it.
            }
        }
    }

    private void send(Incoming in, Reply reply) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (reply instanceof Reply.Events events) {
            if (!in.head()) {
                stream(in, events);
                return;
            }
            reply = Reply.of(200, EVENT_STREAM, new byte[0]);
        }
        Reply.Body body = (Reply.Body) reply;
        FullHttpResponse response = new DefaultFullHttpResponse(in.version(), HttpResponseStatus.valueOf(body.status()),
                in.head() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body.bytes()));
        HttpHeaders h = response.headers();
        h.set("Content-Type", body.type());
        body.headers().forEach(h::set);
        h.set("Date", DateFormatter.format(new Date()));
        h.set("Content-Length", body.bytes().length);
        if (!in.keepAlive()) {
            h.set("Connection", "close");
        } else if (in.version().equals(HttpVersion.HTTP_1_0)) {
            h.set("Connection", "keep-alive");
        }
        ctx.writeAndFlush(response).addListener(sent -> answered(in.keepAlive() && sent.isSuccess()));
    }

    private void answered(boolean keepAlive) {
        if (!keepAlive) {
            linger();
            return;
        }
        Incoming next = waiting.poll();
        if (next != null) {
            answer(next);
            return;
        }
        busy = false;
        idle = true;
        arm(server.limits().idleTimeout());
        ctx.channel().config().setAutoRead(true);
    }

    /** Ends the output side, so the client reads the whole answer, and drains its input for a while. */
    private void linger() {
        if (!(ctx.channel() instanceof SocketChannel socket) || !socket.isActive()) {
            ctx.close();
            return;
        }
        closing = true;
        waiting.clear();
        socket.shutdownOutput().addListener(done -> {
            if (!done.isSuccess()) {
                ctx.close();
            }
        });
        arm(LINGER);
        socket.config().setAutoRead(true);
    }

    /** Answers with an event stream that stays open; the connection stays busy, with no deadline. */
    private void stream(Incoming in, Reply.Events events) {
        HttpResponse response = new DefaultHttpResponse(in.version(), HttpResponseStatus.OK);
        response.headers().set("Content-Type", EVENT_STREAM)
                .set("Cache-Control", "no-store")
                .set("Date", DateFormatter.format(new Date()))
                .set("Transfer-Encoding", "chunked");
        ctx.writeAndFlush(response);
        events.opened().accept(new Sink(ctx.channel()));
    }

    private record Sink(Channel channel) implements EventSink {

        @Override
        public boolean send(String text) {
            if (!channel.isActive()) {
                return false;
            }
            if (!channel.isWritable()) {
                // The browser stopped reading: do not buffer for it without end.
                channel.close();
                return false;
            }
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
            return true;
        }

        @Override
        public void close() {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
