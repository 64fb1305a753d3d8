package dev.bcsetup.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay put between the bot and something it depends on (PostgreSQL, say), to take that
 * dependency away and give it back while the bot runs. {@link #cut()} resets every open connection and
 * refuses new ones, as a database that went down or a dropped network does; {@link #restore()} relays again.
 */
public final class TcpFaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean cut;

    private TcpFaultProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Relays a free loopback port to {@code targetPort} on loopback. */
    public static TcpFaultProxy to(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpFaultProxy proxy = new TcpFaultProxy(listener,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            Thread acceptor = new Thread(proxy::acceptLoop, "tcp-fault-proxy-" + listener.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port to give the bot instead of the target's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every relayed connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpFaultProxy::reset);
    }

    /** Relays new connections again. Connections cut before stay closed, as after a real outage. */
    public void restore() {
        cut = false;
    }

    /** Connections relayed so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections refused while cut. */
    public int refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 2_000);
                accepted.incrementAndGet();
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away (or was cut): the other side is closed below.
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with a TCP reset rather than an orderly FIN, as a crashed peer or a dropped link looks. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed.
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
