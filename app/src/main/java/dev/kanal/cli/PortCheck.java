package dev.kanal.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks the HTTP port can be bound before anything else starts, so a busy port is one line naming
 * it and {@code KANAL_PORT} rather than a Jetty error after the database was opened and the
 * catalog started crawling.
 */
final class PortCheck {
    private PortCheck() {}

    static void bindable(String host, int port) {
        if (port == 0) return;
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            InetAddress address = host == null || host.isBlank() ? null : InetAddress.getByName(host);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new DataDirLock.Refused(busy(host, port, e.getMessage()));
        }
    }

    /** The message for a port another program holds. */
    static String busy(String host, int port, String reason) {
        return "cannot listen on " + (host == null || host.isBlank() ? "" : host) + ":" + port
                + " (" + (reason == null ? "address already in use" : reason)
                + "); another program (perhaps another Kanal) uses port " + port
                + " — stop it, or set KANAL_PORT to a free port";
    }
}
