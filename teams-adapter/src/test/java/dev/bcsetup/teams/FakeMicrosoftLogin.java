package dev.bcsetup.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Microsoft's login service ({@code https://login.microsoftonline.com}) on loopback, answering the client-credentials
 * grant a bot with an app ID makes before every call to the Bot Connector. The SDK's token library (MSAL) insists on
 * that https host, so while running this fake becomes the JVM's route to it: a proxy selector sends only that host
 * through a tunnel to this server, and HTTPS connections trust its self-signed certificate besides the usual ones.
 * {@link #close} puts both back.
 */
public final class FakeMicrosoftLogin implements AutoCloseable {

    public static final String HOST = "login.microsoftonline.com";
    private static final String PASSWORD = "changeit";

    /** A token request as received: the tenant in its path and its form parameters (client_secret among them). */
    public record TokenRequest(String tenant, Map<String, String> form) {
    }

    private final HttpsServer https;
    private final ServerSocket tunnel;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-login");
        thread.setDaemon(true);
        return thread;
    });
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final ProxySelector previousSelector;
    private final SSLSocketFactory previousFactory;

    private FakeMicrosoftLogin(Path work) throws Exception {
        KeyStore keys = selfSigned(work);
        SSLContext server = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        server.init(keyManagers.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        https.createContext("/", this::answer);
        https.setExecutor(threads);
        https.start();

        tunnel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptTunnels);

        previousSelector = ProxySelector.getDefault();
        previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        ProxySelector.setDefault(new OnlyLoginHost(previousSelector, (InetSocketAddress) tunnel.getLocalSocketAddress()));
        HttpsURLConnection.setDefaultSSLSocketFactory(trustingAlso(keys.getCertificate("login")).getSocketFactory());
    }

    /** Starts the fake and routes the login host to it; {@code work} holds its key store. */
    public static FakeMicrosoftLogin start(Path work) {
        try {
            return new FakeMicrosoftLogin(work);
        } catch (Exception e) {
            throw new IllegalStateException("the fake Microsoft login could not start", e);
        }
    }

    /** Every token request so far. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every access token handed out, to tell them from anything else in an Authorization header. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.endsWith("/common/discovery/instance")) {
                respond(exchange, 200, "{\"tenant_discovery_endpoint\":\"https://" + HOST + "/common/v2.0/.well-known/openid-configuration\","
                        + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + HOST + "\",\"preferred_cache\":"
                        + "\"login.windows.net\",\"aliases\":[\"" + HOST + "\",\"login.windows.net\",\"login.microsoft.com\"]}]}");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/oauth2/v2.0/token")) {
                respond(exchange, 404, "{\"error\":\"not_found\"}");
                return;
            }
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            requests.add(new TokenRequest(path.substring(1, path.indexOf('/', 1)), form));
            if (!"client_credentials".equals(form.get("grant_type"))) {
                respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            String token = "fake-bot-framework-token-" + issued.incrementAndGet();
            tokens.add(token);
            respond(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                    + token + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Answers {@code CONNECT login.microsoftonline.com:443} by joining the client to the HTTPS server. */
    private void acceptTunnels() {
        while (!tunnel.isClosed()) {
            try {
                Socket client = tunnel.accept();
                threads.execute(() -> join(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void join(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), https.getAddress().getPort())) {
            String head = readHead(client.getInputStream());
            if (!head.startsWith("CONNECT " + HOST + ":443 ")) {
                client.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            threads.execute(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    /** A key pair and self-signed certificate for the login host, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path work) throws Exception {
        Path store = work.resolve("fake-login.p12");
        Files.deleteIfExists(store);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "login", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    /** The JDK's trusted certificates plus {@code extra}. */
    private static SSLContext trustingAlso(Certificate extra) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            trusted.load(in, null);
        }
        trusted.setCertificateEntry("fake-microsoft-login", extra);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() {
        if (ProxySelector.getDefault() instanceof OnlyLoginHost) {
            ProxySelector.setDefault(previousSelector);
        }
        HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
        https.stop(0);
        try {
            tunnel.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    /** The login host through the tunnel; everything else as before. */
    private static final class OnlyLoginHost extends ProxySelector {
        private final ProxySelector previous;
        private final Proxy tunnel;

        OnlyLoginHost(ProxySelector previous, InetSocketAddress tunnel) {
            this.previous = previous;
            this.tunnel = new Proxy(Proxy.Type.HTTP, tunnel);
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (HOST.equalsIgnoreCase(uri.getHost())) {
                return List.of(tunnel);
            }
            return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            if (previous != null) {
                previous.connectFailed(uri, address, e);
            }
        }
    }
}
