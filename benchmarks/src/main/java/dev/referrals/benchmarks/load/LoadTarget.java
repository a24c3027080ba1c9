package dev.referrals.benchmarks.load;

/**
 * What the load tool sends: a host and port, and the request with a given sequence number. Each request may differ
 * (its own invitation, referee and Idempotency-Key), as real declines do.
 */
public interface LoadTarget {

    /** Everything the benchmark drives runs on this machine. */
    default String host() {
        return "localhost";
    }

    int port();

    /** The bearer token every request carries, as the API's callers send one; {@code null} for none. */
    String token();

    /** The JSON body and path of request number {@code sequence}. */
    Request request(long sequence);

    /** @param idempotencyKey {@code null} for none */
    record Request(String path, String idempotencyKey, String jsonBody) {
    }

    /** The bytes on the wire, built before the clock starts for this request. */
    default byte[] bytes(long sequence) {
        Request request = request(sequence);
        return HttpConnection.jsonPost(host(), port(), token(), request.path(), request.idempotencyKey(),
                request.jsonBody());
    }
}
