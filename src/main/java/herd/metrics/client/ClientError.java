package herd.metrics.client;

/**
 * Every way a {@link MetricsClient} call can fail: an error reply, an unparsable reply, a timeout, a lost
 * connection.
 */
public final class ClientError extends RuntimeException {

  public ClientError(String message) {
    super(message);
  }

  public ClientError(String message, Throwable cause) {
    super(message, cause);
  }
}
