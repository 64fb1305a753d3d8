package dev.bcsetup.fuzz;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sees the URI of every connection an HTTP client opens, and lets it go where it would have gone: direct, or as the
 * selector it replaced decides. {@link #install} makes it the JVM's default (every client built afterwards without a
 * proxy of its own asks it) until {@link #close}.
 */
public final class RecordingProxySelector extends ProxySelector implements AutoCloseable {

    private final ProxySelector previous;
    private final boolean installed;
    private final List<URI> seen = new CopyOnWriteArrayList<>();

    /** For one client's {@code proxy(...)}: records, and connects direct. */
    public RecordingProxySelector() {
        this(null, false);
    }

    private RecordingProxySelector(ProxySelector previous, boolean installed) {
        this.previous = previous;
        this.installed = installed;
    }

    /** Becomes the JVM's default selector, deferring to the one it replaces. */
    public static RecordingProxySelector install() {
        RecordingProxySelector selector = new RecordingProxySelector(ProxySelector.getDefault(), true);
        ProxySelector.setDefault(selector);
        return selector;
    }

    /** Every URI asked about so far, oldest first. */
    public List<URI> seen() {
        return List.copyOf(seen);
    }

    @Override
    public List<Proxy> select(URI uri) {
        seen.add(uri);
        return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (previous != null) {
            previous.connectFailed(uri, address, e);
        }
    }

    @Override
    public void close() {
        if (installed && ProxySelector.getDefault() == this) {
            ProxySelector.setDefault(previous);
        }
    }
}
