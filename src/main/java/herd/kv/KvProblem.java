package herd.kv;

/** Why a request is refused: its HTTP status and a one-line message for the client. Carries no stack trace. */
public final class KvProblem extends RuntimeException {

  private final int status;

  public KvProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
