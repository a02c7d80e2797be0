package org.tocsin.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests Netty cannot decode (a request line over {@code server.netty.max-initial-line-length},
 * headers too large, a malformed request line) never reach Spring: reactor-netty answers them
 * itself with an empty 414, 431 or 400. This handler sits next to the HTTP codec and gives those
 * answers a problem body, so every error a client can provoke is {@code application/problem+json}.
 * Only bodiless error answers that carry no content type are touched, and the application never
 * writes such an answer (its errors always carry a problem), so nothing else changes.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "tocsin.decodingFailureProblems";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Rewriter());
            }
        });
    }

    static String body(HttpResponseStatus status) {
        String detail = switch (status.code()) {
            case 414 -> "The request line is too long";
            case 431 -> "The request headers are too large";
            case 413 -> "The request is too large";
            default -> "The request could not be read as HTTP";
        };
        return "{\"type\":\"" + ApiProblem.MALFORMED_REQUEST + "\",\"title\":\"Malformed request\",\"status\":"
                + status.code() + ",\"detail\":\"" + detail + "\"}";
    }

    private static final class Rewriter extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && isBareError(response)) {
                byte[] body = body(response.status()).getBytes(StandardCharsets.UTF_8);
                FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                problem.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                super.write(ctx, problem, promise);
                return;
            }
            super.write(ctx, msg, promise);
        }

        private static boolean isBareError(FullHttpResponse response) {
            int code = response.status().code();
            return (code == 400 || code == 413 || code == 414 || code == 431)
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }
    }
}
