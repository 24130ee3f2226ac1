package vn.trang.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.WriteTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A small HTTP/1.1 server for GET/HEAD services (the search service and the preview), with POST
 * only where a handler is mounted for it (the preview of an entry being edited).
 *
 * <p>One network thread (Netty's event loop) accepts connections, reads and decodes requests and
 * writes answers; only a complete request, within the {@link Limits}, is handed to the worker
 * pool, whose thread runs the {@link Handler} mounted at the longest matching path prefix. So a
 * client that sends half a request and stalls costs a few kilobytes of memory, never a worker, and
 * is disconnected after {@link Limits#requestTimeout()}; kept-alive connections that stay silent
 * are closed after {@link Limits#idleTimeout()}.
 *
 * <p>The server itself answers what needs no handler: 405 for a method the handler is not mounted
 * for (GET and HEAD, or POST alone for {@link #mountPost}), 404 where nothing is mounted, 400 for a malformed request or target (a plain sentence saying
 * what is wrong), 414, 431 and 413 past the limits, 503 when the worker pool's queue is full, 500
 * when a handler fails (logged). A client may pipeline requests: they are answered in order.
 */
public final class WebServer implements AutoCloseable {

    /**
     * A handler at a path prefix.
     *
     * @param postBody for a POST handler, the most bytes of body it takes; -1 for GET and HEAD
     */
    record Mount(String prefix, Handler handler, int postBody) {

        boolean post() {
            return postBody >= 0;
        }
    }

    private final Executor workers;
    private final Limits limits;
    private final Consumer<String> log;
    private final EventLoopGroup loop;
    private final ChannelGroup channels;
    private final Channel listener;
    private volatile List<Mount> mounts = List.of();

    /**
     * Binds the address at once (so a busy port fails here), but accepts connections only from
     * {@link #start()}.
     *
     * @param host    address to bind: 127.0.0.1 for this machine only
     * @param port    0 picks a free port
     * @param workers runs the handlers; when it refuses a task the client gets a 503
     * @param log     told of every handler failure
     */
    public WebServer(String host, int port, Executor workers, Limits limits, Consumer<String> log) throws IOException {
        this.workers = workers;
        this.limits = limits;
        this.log = log;
        this.loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("trang-http", true), NioIoHandler.newFactory());
        this.channels = new DefaultChannelGroup(loop.next());
        HttpDecoderConfig decoding = new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxRequestLine())
                .setMaxHeaderSize(limits.maxHeaders());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (channels.size() >= limits.maxConnections()) {
                            ch.close();
                            return;
                        }
                        channels.add(ch);
                        Connection connection = new Connection(WebServer.this);
                        ch.pipeline().addLast(connection.arrivals(), new HttpServerCodec(decoding),
                                // as much as the largest body any handler takes; each request is held to its own
                                new HttpObjectAggregator(maxBody()) {
                                    @Override
                                    protected boolean isContentLengthInvalid(HttpMessage start, int max) {
                                        return HttpUtil.getContentLength(start, -1L) > connection.bodyLimit(start);
                                    }

                                    @Override
                                    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
                                        connection.tooLarge(oversized);
                                    }
                                },
                                new WriteTimeoutHandler(limits.writeTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                connection);
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            Throwable cause = bound.cause();
            throw cause instanceof IOException io ? io : new IOException("cannot listen on " + host + ":" + port, cause);
        }
        this.listener = bound.channel();
    }

    /** Serves every path that starts with {@code prefix} (the longest mounted prefix wins). */
    public void mount(String prefix, Handler handler) {
        add(new Mount(prefix, handler, -1));
    }

    /**
     * Serves POST requests, and no other method, to every path that starts with {@code prefix}
     * (the longest mounted prefix wins); a body longer than {@code maxBody} bytes is refused with
     * 413 before it reaches the handler. Connections opened from now on buffer up to the largest
     * such body (a request to any other handler is still held to {@link Limits#maxBody()}), so
     * mount before {@link #start()}.
     */
    public void mountPost(String prefix, Handler handler, int maxBody) {
        if (maxBody < 0) {
            throw new IllegalArgumentException("maxBody < 0");
        }
        add(new Mount(prefix, handler, maxBody));
    }

    private synchronized void add(Mount mount) {
        List<Mount> next = new ArrayList<>(mounts);
        next.removeIf(m -> m.prefix().equals(mount.prefix()));
        next.add(mount);
        next.sort(Comparator.comparingInt((Mount m) -> m.prefix().length()).reversed());
        mounts = List.copyOf(next);
    }

    /** Starts accepting connections. */
    public void start() {
        listener.config().setAutoRead(true);
    }

    public int port() {
        return ((java.net.InetSocketAddress) listener.localAddress()).getPort();
    }

    Mount route(String path) {
        for (Mount m : mounts) {
            if (path.startsWith(m.prefix())) {
                return m;
            }
        }
        return null;
    }

    /** The most bytes of body any request may have: the limit, or a POST handler's when larger. */
    int maxBody() {
        int max = limits.maxBody();
        for (Mount m : mounts) {
            max = Math.max(max, m.postBody());
        }
        return max;
    }

    Executor workers() {
        return workers;
    }

    Limits limits() {
        return limits;
    }

    void log(String line) {
        log.accept(line);
    }

    /** Closes every connection (event streams included) and the network thread; the workers are the caller's. */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        channels.close().awaitUninterruptibly();
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
