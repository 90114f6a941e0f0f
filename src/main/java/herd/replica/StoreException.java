package herd.replica;

/** The node's data directory cannot be used: the message is the one line the operator sees. */
public final class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
