package hk.hkgai.gateway.error;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An error answered before the request body was read (a bad key, a refused method, a parse error early in a large
 * body, a body over the limit): the server will close the connection rather than read a body it does not need, so
 * the response says {@code Connection: close}, or a pooling client would send its next request on a connection
 * that is going away (found by GatewayFuzzTest).
 */
public class UnreadBodyConnectionClose {

    @ServerResponseFilter
    public void closeIfBodyUnread(ContainerResponseContext response, HttpServerRequest request) {
        if (response.getStatus() >= 400 && !request.isEnded()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
