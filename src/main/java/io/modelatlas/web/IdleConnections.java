package io.modelatlas.web;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Closes the kept-alive connections that wait for no request as the server starts to stop. Jetty's graceful stop
 * waits until every connection is closed, and gives each the connector's shutdown idle timeout (10 s here, so that a
 * slow upload in flight is not cut): an idle browser or client connection then held every stop for those 10 s.
 * A connection serving a request is left alone: Jetty closes it once its response is written. Closing an idle
 * kept-alive connection is always allowed (RFC 9112, 9.6): a client sends its next request on a new one.
 */
final class IdleConnections implements LifeCycle.Listener {
    private final Server server;

    private IdleConnections(Server server) {
        this.server = server;
    }

    static void closeOnStop(Server server) {
        server.addEventListener(new IdleConnections(server));
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        for (Connector connector : server.getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                // Jetty's own HTTP/1.1 connection (an internal class): between requests, no request and nothing unread
                if (endPoint.getConnection() instanceof HttpConnection http && http.getHttpChannel().getRequest() == null && http.isRequestBufferEmpty()) {
                    endPoint.close();
                }
            }
        }
    }
}
