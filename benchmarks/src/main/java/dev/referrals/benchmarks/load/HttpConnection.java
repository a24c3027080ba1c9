package dev.referrals.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection with blocking I/O, reading just enough of each answer to know its status and
 * where it ends. The JDK's HttpClient costs several times more CPU per request, and on two cores the load tool's CPU is
 * taken from the server it measures; the same tool drives the API and the bare endpoint, so their ratio is fair.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** A request that takes longer counts as an error: the server is not answering, not merely slow. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int HEX = 16;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends the request and reads its whole answer; returns the status. Reconnects when the server closed. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before the answer");
        }
        int status = Integer.parseInt(statusLine.substring(statusLine.indexOf(' ') + 1, statusLine.indexOf(' ') + 4));
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            String header = line.toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring(header.indexOf(':') + 1).trim());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            } else if (header.startsWith("connection:") && header.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            skipChunks();
        } else {
            skip(contentLength);
        }
        if (close) {
            close();
        }
        return status;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a connection we no longer use; nothing to do.
            }
            socket = null;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
        out = socket.getOutputStream();
    }

    private void skipChunks() throws IOException {
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), HEX);
            if (size == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // Trailers carry nothing the load tool needs.
                }
                return;
            }
            skip(size);
            readLine();
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** The request line and headers of a JSON POST, ready to send. */
    static byte[] jsonPost(String host, int port, String token, String path, String idempotencyKey, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (idempotencyKey != null) {
            head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }
}
